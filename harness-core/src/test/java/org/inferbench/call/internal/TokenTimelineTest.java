package org.inferbench.call.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Stamps in, timing fields out: every expected value is worked out by hand from the stamps. */
class TokenTimelineTest {

    private static final long MS = 1_000_000L;
    /** An arbitrary origin: only differences may matter. */
    private static final long T0 = 5_000_000_000L;

    /**
     * The example: llama-server sends its headers at 26 ms, before prefill, and the first
     * event at 90 ms. The headers are not an event, so the first delta is 90.
     */
    @Test
    void firstDeltaIsTheFirstDataEventEvenWithoutAToken() {
        TokenTimeline timeline = new TokenTimeline(T0);
        // (headers at T0 + 26 ms: not given to the timeline at all)
        timeline.event(T0 + 90 * MS, EventKind.NO_TOKEN); // role-only delta, content null
        timeline.event(T0 + 140 * MS, EventKind.TOKEN); // reasoning
        timeline.event(T0 + 200 * MS, EventKind.ANSWER_TOKEN);
        timeline.end(T0 + 260 * MS);

        assertEquals(90L, timeline.firstDeltaMs());
        assertEquals(140L, timeline.firstTokenMs());
        assertEquals(200L, timeline.firstContentMs());
        assertEquals(260L, timeline.totalDurationMs());
    }

    @Test
    void gapsAreBetweenTokenCarryingEventsOnly() {
        TokenTimeline timeline = new TokenTimeline(T0);
        timeline.event(T0 + 10 * MS, EventKind.NO_TOKEN);
        timeline.event(T0 + 20 * MS, EventKind.ANSWER_TOKEN);
        timeline.event(T0 + 30 * MS, EventKind.ANSWER_TOKEN); // gap 10
        timeline.event(T0 + 35 * MS, EventKind.NO_TOKEN); // ignored
        timeline.event(T0 + 50 * MS, EventKind.ANSWER_TOKEN); // gap 20
        timeline.event(T0 + 90 * MS, EventKind.TOKEN); // gap 40
        timeline.event(T0 + 95 * MS, EventKind.NO_TOKEN); // finish chunk, ignored
        timeline.end(T0 + 100 * MS);

        GapSummary gaps = timeline.gaps();
        // sorted gaps 10, 20, 40: p50 = 20; p95 rank 1.9 -> 20 + 0.9 * 20 = 38
        assertEquals(20.0, gaps.p50Ms(), 1e-9);
        assertEquals(38.0, gaps.p95Ms(), 1e-9);
        assertEquals(40.0, gaps.maxMs(), 1e-9);
    }

    @Test
    void gapsKeepSubMillisecondPrecision() {
        TokenTimeline timeline = new TokenTimeline(T0);
        timeline.event(T0 + 1_000_000, EventKind.ANSWER_TOKEN);
        timeline.event(T0 + 1_250_000, EventKind.ANSWER_TOKEN);
        timeline.end(T0 + 2_000_000);
        assertEquals(0.25, timeline.gaps().maxMs(), 1e-12);
    }

    @Test
    void tpotDividesTheTokenSpanByTokensAfterTheFirst() {
        TokenTimeline timeline = new TokenTimeline(T0);
        timeline.event(T0 + 100 * MS, EventKind.ANSWER_TOKEN);
        timeline.event(T0 + 130 * MS, EventKind.ANSWER_TOKEN);
        timeline.event(T0 + 190 * MS, EventKind.ANSWER_TOKEN);
        timeline.end(T0 + 200 * MS);
        // (190 - 100) / (10 - 1): the server's count, not the event count, is the divisor
        assertEquals(10.0, timeline.tpotMs(10), 1e-9);
    }

    @Test
    void tpotIsUnknownWithoutTwoTokensOrTwoTokenEvents() {
        TokenTimeline oneEvent = new TokenTimeline(T0);
        oneEvent.event(T0 + 100 * MS, EventKind.ANSWER_TOKEN); // a whole answer in one event
        oneEvent.end(T0 + 120 * MS);
        assertNull(oneEvent.tpotMs(12));

        TokenTimeline twoEvents = new TokenTimeline(T0);
        twoEvents.event(T0 + 100 * MS, EventKind.ANSWER_TOKEN);
        twoEvents.event(T0 + 110 * MS, EventKind.ANSWER_TOKEN);
        twoEvents.end(T0 + 120 * MS);
        assertNull(twoEvents.tpotMs(null));
        assertNull(twoEvents.tpotMs(1));
        assertEquals(10.0, twoEvents.tpotMs(2), 1e-9);
    }

    @Test
    void wholeMillisecondsRoundHalfUp() {
        TokenTimeline timeline = new TokenTimeline(T0);
        timeline.event(T0 + 1_499_999, EventKind.NO_TOKEN);
        timeline.end(T0 + 2_500_000);
        assertEquals(1L, timeline.firstDeltaMs());
        assertEquals(3L, timeline.totalDurationMs());
    }

    @Test
    void nothingArrivedLeavesEveryEventFieldUnknown() {
        TokenTimeline timeline = new TokenTimeline(T0);
        timeline.end(T0 + 7 * MS);
        assertNull(timeline.firstDeltaMs());
        assertNull(timeline.firstTokenMs());
        assertNull(timeline.firstContentMs());
        assertEquals(GapSummary.NONE, timeline.gaps());
        assertEquals(7L, timeline.totalDurationMs());
    }

    @Test
    void manyTokensGrowTheBuffer() {
        TokenTimeline timeline = new TokenTimeline(T0);
        for (int i = 0; i < 1000; i++) {
            timeline.event(T0 + i * MS, EventKind.ANSWER_TOKEN);
        }
        timeline.end(T0 + 1000 * MS);
        assertEquals(1.0, timeline.gaps().maxMs(), 1e-9);
        assertEquals(999.0 / 999, timeline.tpotMs(1000), 1e-9);
    }

    @Test
    void aCallEndsOnce() {
        TokenTimeline timeline = new TokenTimeline(T0);
        timeline.end(T0 + MS);
        assertThrows(IllegalStateException.class, () -> timeline.end(T0 + 2 * MS));
    }
}
