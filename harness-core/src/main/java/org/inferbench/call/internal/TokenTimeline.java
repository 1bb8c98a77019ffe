package org.inferbench.call.internal;

import java.util.Arrays;
import org.inferbench.record.Percentiles;

/**
 * The stamps of one call turned into its timing fields. It knows nothing of HTTP or JSON: it is told
 * when time zero was, when each data event arrived and what it carried, and when the call ended, all
 * as readings of one monotonic ticker. That keeps every number it produces exactly testable.
 *
 * <p>Whole milliseconds ({@code first_delta_ms} and its kin, integers in SPEC section 2) are rounded
 * half up; gaps are doubles, in milliseconds with the ticker's full precision.
 */
final class TokenTimeline {

    private static final long NANOS_PER_MS = 1_000_000L;
    private static final long UNSET = Long.MIN_VALUE;

    private long startNanos;
    private long firstDataNanos = UNSET;
    private long firstContentNanos = UNSET;
    private long endNanos = UNSET;
    /** Arrival of every token-carrying event, in order; primitive so a long answer does not box. */
    private long[] tokenNanos = new long[256];
    private int tokenEvents;

    TokenTimeline(long startNanos) {
        this.startNanos = startNanos;
    }

    /**
     * Time zero moves to {@code nanos}: the request has started to be written. Until then it is when
     * the call began, so that a call which never got that far is still timed.
     */
    void startAt(long nanos) {
        if (firstDataNanos != UNSET || endNanos != UNSET) {
            throw new IllegalStateException("time zero moved after the call was stamped");
        }
        startNanos = nanos;
    }

    /** One SSE data event arrived at {@code nanos}, carrying {@code kind}. */
    void event(long nanos, EventKind kind) {
        if (firstDataNanos == UNSET) {
            firstDataNanos = nanos;
        }
        if (kind == EventKind.NO_TOKEN) {
            return;
        }
        if (tokenEvents == tokenNanos.length) {
            tokenNanos = Arrays.copyOf(tokenNanos, tokenEvents * 2);
        }
        tokenNanos[tokenEvents++] = nanos;
        if (kind == EventKind.ANSWER_TOKEN && firstContentNanos == UNSET) {
            firstContentNanos = nanos;
        }
    }

    /** The call is over: {@code [DONE]}, the end of the stream, or a failure seen at {@code nanos}. Once. */
    void end(long nanos) {
        if (endNanos != UNSET) {
            throw new IllegalStateException("ended twice");
        }
        endNanos = nanos;
    }

    boolean ended() {
        return endNanos != UNSET;
    }

    Long firstDeltaMs() {
        return sinceStartMs(firstDataNanos);
    }

    Long totalDurationMs() {
        return sinceStartMs(endNanos);
    }

    Long firstTokenMs() {
        return tokenEvents == 0 ? null : sinceStartMs(tokenNanos[0]);
    }

    Long firstContentMs() {
        return sinceStartMs(firstContentNanos);
    }

    /** Gaps between consecutive token-carrying events; all null with fewer than two such events. */
    GapSummary gaps() {
        if (tokenEvents < 2) {
            return GapSummary.NONE;
        }
        double[] gaps = new double[tokenEvents - 1];
        for (int i = 1; i < tokenEvents; i++) {
            gaps[i - 1] = toMs(tokenNanos[i] - tokenNanos[i - 1]);
        }
        Arrays.sort(gaps);
        return new GapSummary(Percentiles.type7(gaps, 0.50), Percentiles.type7(gaps, 0.95), gaps[gaps.length - 1]);
    }

    /**
     * Time per output token after the first: (last token event - first token event) / (completion_tokens - 1).
     * Null when the server's count is unknown or below two, and when fewer than two token events
     * arrived (a single event holding the whole answer measures no interval, and 0 would be a lie).
     */
    Double tpotMs(Integer completionTokens) {
        if (completionTokens == null || completionTokens < 2 || tokenEvents < 2) {
            return null;
        }
        return toMs(tokenNanos[tokenEvents - 1] - tokenNanos[0]) / (completionTokens - 1);
    }

    private Long sinceStartMs(long nanos) {
        if (nanos == UNSET) {
            return null;
        }
        return Math.floorDiv(nanos - startNanos + NANOS_PER_MS / 2, NANOS_PER_MS);
    }

    private static double toMs(long nanos) {
        return nanos / (double) NANOS_PER_MS;
    }
}
