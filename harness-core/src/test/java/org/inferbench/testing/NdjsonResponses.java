package org.inferbench.testing;

import mockwebserver3.MockResponse;
import okio.Buffer;

/**
 * Canned answers of Ollama's native {@code /api/chat} for {@code mockwebserver3.MockWebServer}: newline-delimited JSON,
 * sent chunked as Ollama sends it. Each returns a {@link MockResponse.Builder}, so a test can still script delays.
 */
public final class NdjsonResponses {

    /** What Ollama labels its stream with. */
    public static final String NDJSON = "application/x-ndjson";

    private static final int CHUNK_SIZE = 4096;

    private NdjsonResponses() {
    }

    /** A 200 stream replaying a file of {@code src/test/resources/wire/}, byte for byte. */
    public static MockResponse.Builder fromWireFile(String name) {
        return stream(new Buffer().write(WireFixtures.bytes(name)));
    }

    /** A 200 stream of one line per argument, each ended with LF; nothing else is added. */
    public static MockResponse.Builder lines(String... jsonLines) {
        Buffer body = new Buffer();
        for (String line : jsonLines) {
            body.writeUtf8(line).writeUtf8("\n");
        }
        return stream(body);
    }

    private static MockResponse.Builder stream(Buffer body) {
        return new MockResponse.Builder()
                .setHeader("Content-Type", NDJSON)
                .chunkedBody(body, CHUNK_SIZE);
    }
}
