package org.inferbench.call.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/** One frame per line, handed over whole, and the end of the body ends the reading in every framing. */
class NdjsonReaderTest {

    private final List<String> frames = new ArrayList<>();

    @Test
    void lfAndCrlfLinesAreFramesAndBlankLinesAreSkipped() throws IOException {
        Buffer body = new Buffer().writeUtf8("{\"a\":1}\n\r\n  \n{\"b\":2}\r\n{\"c\":3}\n");

        NdjsonReader reader = readAll(body, 100);

        assertEquals(List.of("{\"a\":1}", "{\"b\":2}", "{\"c\":3}"), frames);
        assertFalse(reader.endedInsideFrame());
        assertTrue(body.exhausted(), "every byte consumed");
    }

    @Test
    void anUnterminatedLastLineIsACutNotAFrame() throws IOException {
        NdjsonReader reader = readAll(new Buffer().writeUtf8("{\"a\":1}\n{\"b\""), 100);

        assertEquals(List.of("{\"a\":1}"), frames);
        assertTrue(reader.endedInsideFrame());
    }

    @Test
    void trailingWhitespaceIsNoCut() throws IOException {
        NdjsonReader reader = readAll(new Buffer().writeUtf8("{\"a\":1}\n \r"), 100);

        assertEquals(List.of("{\"a\":1}"), frames);
        assertFalse(reader.endedInsideFrame());
    }

    @Test
    void crAloneEndsNoLine() throws IOException {
        NdjsonReader reader = readAll(new Buffer().writeUtf8("{\"a\":1}\r{\"b\":2}\r"), 100);

        assertEquals(List.of(), frames);
        assertTrue(reader.endedInsideFrame());
    }

    @Test
    void aLineOverTheLimitIsRefusedWithOrWithoutItsEnd() {
        assertEquals("line over 8 bytes", assertThrows(EventTooLargeException.class,
                () -> readAll(new Buffer().writeUtf8("{\"a\":12345}\n"), 8)).getMessage());
        assertThrows(EventTooLargeException.class, () -> readAll(new Buffer().writeUtf8("x".repeat(100)), 8));
    }

    @Test
    void aLineAtTheLimitIsRead() throws IOException {
        readAll(new Buffer().writeUtf8("12345678\n"), 8);

        assertEquals(List.of("12345678"), frames);
    }

    private NdjsonReader readAll(Buffer body, long limit) throws IOException {
        NdjsonReader reader = new NdjsonReader(body, (type, data) -> frames.add(data), limit);
        int turns = 0;
        while (reader.next()) {
            assertTrue(++turns < 100, "one frame a turn, and an end");
        }
        return reader;
    }
}
