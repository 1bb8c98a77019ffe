package org.inferbench.call.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Raw text in, events out, in the manner of OkHttp's {@code ServerSentEventIteratorTest}: each test
 * feeds a literal stream, asserts the events in order, then that the stream ended and the buffer was
 * fully consumed. The hang guard is {@code assertTimeoutPreemptively}: OkHttp's reader loops forever
 * on a trailing lone CR, and a hang must fail the test, not the build.
 */
class SseReaderTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(10);

    private final Deque<String> events = new ArrayDeque<>();
    private Buffer source;
    private SseReader reader;

    @AfterEach
    void nothingLeftOver() {
        assertEquals(0, events.size(), () -> "unexpected events " + events);
    }

    @Test
    void lfFraming() {
        read("data: a\n\ndata: b\n\n");
        assertEvent("message", "a");
        assertEvent("message", "b");
        assertEnded(false);
    }

    @Test
    void crlfFraming() {
        read("data: a\r\n\r\ndata: b\r\n\r\n");
        assertEvent("message", "a");
        assertEvent("message", "b");
        assertEnded(false);
    }

    @Test
    void crOnlyFraming() {
        read("data: a\r\rdata: b\r\r");
        assertEvent("message", "a");
        assertEvent("message", "b");
        assertEnded(false);
    }

    /** The case: OkHttp's reader spins forever on this. */
    @Test
    void doneFramedWithCrsAsTheLastBytes() {
        read("data: {}\r\rdata: [DONE]\r\r");
        assertEvent("message", "{}");
        assertEvent("message", "[DONE]");
        assertEnded(false);
    }

    /** An event, then a lone CR, then the end: the CR closes the data line; no blank line follows. */
    @Test
    void eventsThenALoneCrThenClose() {
        read("data: a\n\ndata: b\r");
        assertEvent("message", "a");
        assertEnded(true); // b was never closed by a blank line: discarded, as the format says
    }

    @Test
    void aLoneCrAtTheEndOfAnEmptyStream() {
        read("\r");
        assertEnded(false);
    }

    @Test
    void mixedLineEndingsInOneStream() {
        read("data: a\r\ndata: b\rdata: c\n\r\n\rdata: d\n\r");
        assertEvent("message", "a\nb\nc");
        assertEvent("message", "d");
        assertEnded(false);
    }

    /** A CR then an LF in the next read is one line ending, not two (which would dispatch an empty event). */
    @Test
    void crLfSplitAcrossReadsIsOneLineEnding() throws IOException {
        source = new Buffer().writeUtf8("data: a\r");
        reader = new SseReader(source, this::record, 1024);
        source.writeUtf8("\ndata: b\r\n\r\n");
        assertTimeoutPreemptively(HANG_GUARD, () -> assertTrue(reader.processNextEvent()));
        assertEvent("message", "a\nb");
        assertEnded(false);
    }

    @Test
    void commentsAreSkipped() {
        read(": ping\n\n: ping\r\rdata: a\n: inside\ndata: b\n\n");
        assertEvent("message", "a\nb");
        assertEnded(false);
    }

    @Test
    void eventTypes() {
        read("event: error\ndata: {\"message\":\"x\"}\n\ndata: plain\n\nevent:\ndata: empty type\n\n");
        assertEvent("error", "{\"message\":\"x\"}");
        assertEvent("message", "plain");
        assertEvent("message", "empty type");
        assertEnded(false);
    }

    /** A type without data dispatches nothing, and does not carry over to the next event. */
    @Test
    void aTypeWithoutDataIsForgotten() {
        read("event: error\n\ndata: a\n\n");
        assertEvent("message", "a");
        assertEnded(false);
    }

    @Test
    void fieldWithoutColonHasAnEmptyValue() {
        read("data\ndata\n\ndata\n\n");
        assertEvent("message", "\n");
        assertEvent("message", "");
        assertEnded(false);
    }

    @Test
    void onlyOneSpaceAfterTheColonIsDropped() {
        read("data:a\n\ndata:  b\n\n");
        assertEvent("message", "a");
        assertEvent("message", " b");
        assertEnded(false);
    }

    @Test
    void unknownFieldsRetryAndIdAreIgnoredForTheData() {
        read("id: 7\nretry: 10\nfoo: bar\ndata: a\n\n");
        assertEvent("message", "a");
        assertEnded(false);
    }

    @Test
    void aByteOrderMarkAtTheStartIsDropped() {
        read("\uFEFFdata: a\n\n");
        assertEvent("message", "a");
        assertEnded(false);
    }

    @Test
    void anUnterminatedLastLineIsDiscarded() {
        read("data: a\n\ndata: [DO");
        assertEvent("message", "a");
        assertEnded(true);
    }

    @Test
    void anEmptyStreamEnds() {
        read("");
        assertEnded(false);
    }

    @Test
    void aLineOverTheLimitIsAnErrorNotAnOutOfMemory() {
        source = new Buffer().writeUtf8("data: " + "x".repeat(100));
        reader = new SseReader(source, this::record, 64);
        EventTooLargeException e = assertThrows(EventTooLargeException.class, reader::processNextEvent);
        assertEquals("event over 64 bytes", e.getMessage());
    }

    @Test
    void anEventOfManySmallLinesOverTheLimitIsAnError() {
        source = new Buffer().writeUtf8("data: xxxxxxxx\n".repeat(20) + "\n");
        reader = new SseReader(source, this::record, 64);
        EventTooLargeException e = assertThrows(EventTooLargeException.class, reader::processNextEvent);
        assertEquals("event over 64 bytes", e.getMessage());
    }

    private void read(String stream) {
        source = new Buffer().writeUtf8(stream);
        reader = new SseReader(source, this::record, 1024);
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            while (reader.processNextEvent()) {
                // Every event lands in the queue.
            }
        });
    }

    private void record(String id, String type, String data) {
        events.add(type + " " + data);
    }

    private void assertEvent(String type, String data) {
        assertEquals(type + " " + data, events.poll());
    }

    private void assertEnded(boolean insideEvent) {
        assertTimeoutPreemptively(HANG_GUARD, () -> assertFalse(reader.processNextEvent()));
        assertEquals(0, source.size(), "the buffer is fully consumed");
        assertEquals(insideEvent, reader.endedInsideEvent());
    }
}
