package org.inferbench.call.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.inferbench.testing.WireFixtures;
import org.junit.jupiter.api.Test;

/** Chunk shapes the wire files do not cover, fed straight to the recorder with hand-made stamps. */
class StreamRecorderTest {

    private static final long MS = 1_000_000L;

    private final TokenTimeline timeline = new TokenTimeline(0);
    private final StreamRecorder recorder = new StreamRecorder(timeline, new ServerMessages(List.of("sk-secret")));

    @Test
    void usageWithMissingKeysLeavesThemUnknown() {
        recorder.onData(10 * MS, "{\"choices\":[],\"usage\":{\"prompt_tokens\":5}}");
        recorder.onData(11 * MS, "[DONE]");
        assertEquals(5, recorder.promptTokens());
        assertNull(recorder.completionTokens());
        assertNull(recorder.error());
    }

    @Test
    void aToolCallIsATokenButNotAnswerContent() {
        recorder.onData(10 * MS, "{\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":null}}]}");
        recorder.onData(20 * MS, "{\"choices\":[{\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"name\":\"f\"}}]}}]}");
        recorder.onData(30 * MS, "{\"choices\":[{\"delta\":{},\"finish_reason\":\"tool_calls\"}]}");
        recorder.onData(31 * MS, "[DONE]");
        assertEquals(20L, timeline.firstTokenMs());
        assertNull(timeline.firstContentMs());
        assertEquals("tool_calls", recorder.finishReason());
        assertEquals(0, recorder.contentChars());
    }

    @Test
    void charactersAreCodePointsNotUtf16Units() {
        recorder.onData(MS, "{\"choices\":[{\"delta\":{\"content\":\"\\ud83d\\udc1f ok\",\"reasoning\":\"\u00e9\"}}]}");
        assertEquals(4, recorder.contentChars()); // fish emoji, space, o, k
        assertEquals(1, recorder.reasoningChars());
    }

    @Test
    void theLastNonNullFinishReasonWins() {
        recorder.onData(MS, "{\"choices\":[{\"delta\":{\"content\":\"a\"},\"finish_reason\":\"length\"}]}");
        recorder.onData(2 * MS, "{\"choices\":[{\"delta\":{},\"finish_reason\":null}]}");
        assertEquals("length", recorder.finishReason());
    }

    @Test
    void malformedJsonEndsTheStreamAtThatEventAndSaysWhichEvent() {
        recorder.onData(10 * MS, "{\"choices\":[{\"delta\":{\"content\":\"a\"}}]}");
        recorder.onData(25 * MS, "{\"choices\":[{\"delta\":");
        assertTrue(recorder.finished());
        assertEquals("malformed event JSON (event 2)", recorder.error());
        assertEquals(25L, timeline.totalDurationMs());
        assertEquals(10L, timeline.firstTokenMs());
        assertEquals(1, recorder.chunks());
    }

    @Test
    void jsonThatIsNotAnObjectIsMalformed() {
        recorder.onData(10 * MS, "42");
        assertEquals("malformed event JSON (event 1)", recorder.error());
        assertEquals(10L, timeline.firstDeltaMs());
    }

    /** wire/llamacpp-errors.txt: one error event, then the connection closes without [DONE]. */
    @Test
    void anErrorEventEndsTheStreamWithTheServersMessage() {
        String errorEvent = WireFixtures.read("llamacpp-errors.txt").lines()
                .filter(line -> line.startsWith("data: ")).findFirst().orElseThrow().substring(6);
        recorder.onData(10 * MS, "{\"choices\":[{\"delta\":{\"content\":\"a\"}}]}");
        recorder.onData(40 * MS, errorEvent);
        assertTrue(recorder.finished());
        assertEquals("stream error: failed to decode", recorder.error());
        assertEquals(40L, timeline.totalDurationMs());
    }

    @Test
    void anErrorEventWithoutAMessageStillSaysStreamError() {
        recorder.onData(10 * MS, "{\"error\":{\"code\":500}}");
        assertEquals("stream error", recorder.error());
    }

    @Test
    void aServerEchoingTheTokenHasItRedacted() {
        recorder.onData(10 * MS, "{\"error\":\"invalid key sk-secret\"}");
        assertEquals("stream error: invalid key <redacted>", recorder.error());
    }

    @Test
    void doneEndsTheStreamAndNothingAfterItCounts() {
        recorder.onData(10 * MS, "{\"choices\":[{\"delta\":{\"content\":\"a\"}}]}");
        recorder.onData(20 * MS, "[DONE]");
        recorder.onData(30 * MS, "{\"choices\":[{\"delta\":{\"content\":\"b\"}}]}");
        assertTrue(recorder.finished());
        assertNull(recorder.error());
        assertEquals(20L, timeline.totalDurationMs());
        assertEquals(1, recorder.contentChars());
        assertEquals(1, recorder.chunks());
    }

    @Test
    void theEndOfTheBodyWithoutDoneIsAnError() {
        recorder.onData(10 * MS, "{\"choices\":[{\"delta\":{\"content\":\"a\"}}]}");
        assertFalse(recorder.finished());
        recorder.onEndOfStream(50 * MS);
        assertEquals("stream ended without [DONE]", recorder.error());
        assertEquals(50L, timeline.totalDurationMs());
    }
}
