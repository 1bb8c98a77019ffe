package org.inferbench.testing;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import okio.Buffer;
import okio.BufferedSink;
import okio.ByteString;

/**
 * Canned engine answers for {@code mockwebserver3.MockWebServer}. Each returns a
 * {@link MockResponse.Builder}, so a test can still script delays on it with MockWebServer's own
 * {@code headersDelay}, {@code bodyDelay}, {@code throttleBody} and socket effects. Streams are sent
 * chunked, as llama-server and Ollama send them.
 */
public final class SseResponses {

    /** The content type of every engine's stream. */
    public static final String EVENT_STREAM = "text/event-stream";

    /** The last event of an OpenAI-compatible stream. */
    public static final String DONE = "data: [DONE]\n\n";

    private static final int CHUNK_SIZE = 4096;

    private SseResponses() {
    }

    /** One SSE data event as framed on the wire: {@code data: <json>} and a blank line. */
    public static String event(String data) {
        return "data: " + data + "\n\n";
    }

    /** A 200 stream of the raw SSE text given, byte for byte. */
    public static MockResponse.Builder stream(String rawBody) {
        return stream(new Buffer().writeUtf8(rawBody));
    }

    /** A 200 stream replaying a file of {@code src/test/resources/wire/}, byte for byte. */
    public static MockResponse.Builder fromWireFile(String name) {
        return stream(new Buffer().write(WireFixtures.bytes(name)));
    }

    /** A 200 stream of one data event per argument; nothing is added (pass {@code "[DONE]"} to end it). */
    public static MockResponse.Builder events(String... dataPayloads) {
        StringBuilder body = new StringBuilder();
        for (String data : dataPayloads) {
            body.append(event(data));
        }
        return stream(body.toString());
    }

    /** An HTTP error with a JSON body, as both engines send them (see {@code wire/*-errors.txt}). */
    public static MockResponse.Builder httpError(int code, String jsonBody) {
        return new MockResponse.Builder()
                .code(code)
                .setHeader("Content-Type", "application/json; charset=utf-8")
                .body(jsonBody);
    }

    /** A 200 whole-JSON answer, what a server sends when it ignores {@code "stream": true}. */
    public static MockResponse.Builder json(String body) {
        return new MockResponse.Builder()
                .setHeader("Content-Type", "application/json")
                .body(body);
    }

    /**
     * A 200 stream written in parts, each flushed on its own after {@code pause}: a slow model, or
     * one character's bytes split across two TCP reads.
     */
    public static MockResponse.Builder paced(Duration pause, String... rawParts) {
        return paced(pause, Arrays.stream(rawParts).map(ByteString::encodeUtf8).toArray(ByteString[]::new));
    }

    /** As {@link #paced(Duration, String...)}, for parts that are not whole characters. */
    public static MockResponse.Builder paced(Duration pause, ByteString... parts) {
        return new MockResponse.Builder()
                .removeHeader("Content-Length")
                .setHeader("Content-Type", EVENT_STREAM)
                .setHeader("Transfer-Encoding", "chunked")
                .body(new PacedChunkedBody(pause, List.of(parts)));
    }

    private static MockResponse.Builder stream(Buffer body) {
        return new MockResponse.Builder()
                .setHeader("Content-Type", EVENT_STREAM)
                .chunkedBody(body, CHUNK_SIZE);
    }

    /** Writes each part as one HTTP chunk, flushed, after a pause; MockWebServer writes the trailers. */
    private record PacedChunkedBody(Duration pause, List<ByteString> parts) implements MockResponseBody {

        @Override
        public long getContentLength() {
            return -1;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            for (ByteString part : parts) {
                sleep(pause);
                sink.writeHexadecimalUnsignedLong(part.size()).writeUtf8("\r\n").write(part).writeUtf8("\r\n");
                sink.flush();
            }
            sink.writeUtf8("0\r\n");
        }

        private static void sleep(Duration pause) throws InterruptedIOException {
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while pacing a test stream");
            }
        }
    }
}
