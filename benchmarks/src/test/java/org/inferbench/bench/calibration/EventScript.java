package org.inferbench.bench.calibration;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The bytes the emitter writes for one stream, prepared once so that no formatting happens between
 * a write stamp and its write. The chunks have the shapes of a real llama-server stream
 * ({@code wire/llamacpp-real-b11669.sse}): one answer token per chunk (the first also carries the
 * role), a finish chunk, a usage chunk with {@code completion_tokens} equal to the token events, and
 * {@code [DONE]}. Every stream of a run gets the same bytes: the emitter tells streams apart by their
 * request header, not by their content.
 *
 * <p>The response is HTTP/1.1 chunked, one HTTP chunk per write; the tail write also carries the
 * terminating zero-length chunk, so the connection can be kept alive for the next request.
 */
final class EventScript {

    /** Sent as soon as the request has arrived, as engines do before prefill. */
    static final byte[] RESPONSE_HEAD = ascii("HTTP/1.1 200 OK\r\n"
            + "Content-Type: text/event-stream\r\n"
            + "Cache-Control: no-cache\r\n"
            + "Transfer-Encoding: chunked\r\n"
            + "\r\n");

    /**
     * The whole answer to a {@code GET} (the load path's warm-up probe of an engine's health route), as
     * llama-server answers {@code /health}: small, with a length, so the connection stays open for the call.
     */
    static final byte[] HEALTH_ANSWER = ascii("HTTP/1.1 200 OK\r\n"
            + "Content-Type: application/json\r\n"
            + "Content-Length: 15\r\n"
            + "\r\n"
            + "{\"status\":\"ok\"}");

    /** The answer text of one token event. */
    static final String TOKEN = "tok";

    static final int PROMPT_TOKENS = 21;

    /** The fields every chunk ends with, without the closing brace. */
    private static final String ENVELOPE = "\"created\":1795823088,\"id\":\"chatcmpl-calibration\","
            + "\"model\":\"calibration\",\"system_fingerprint\":\"calibration\",\"object\":\"chat.completion.chunk\"";

    private final List<String> dataEvents;
    private final byte[][] writes;

    EventScript(Schedule schedule) {
        int tokens = schedule.tokenEvents();
        dataEvents = new ArrayList<>(schedule.dataEvents());
        dataEvents.add(tokenChunk("\"role\":\"assistant\",\"content\":\"" + TOKEN + "\""));
        for (int i = 1; i < tokens; i++) {
            dataEvents.add(tokenChunk("\"content\":\"" + TOKEN + "\""));
        }
        dataEvents.add("{\"choices\":[{\"finish_reason\":\"length\",\"index\":0,\"delta\":{}}]," + ENVELOPE + "}");
        dataEvents.add(String.format(Locale.ROOT, "{\"choices\":[],%s,\"usage\":{\"completion_tokens\":%d,"
                + "\"prompt_tokens\":%d,\"total_tokens\":%d}}", ENVELOPE,
                tokens, PROMPT_TOKENS, tokens + PROMPT_TOKENS));
        dataEvents.add("[DONE]");

        writes = new byte[schedule.writes()][];
        for (int i = 0; i < tokens; i++) {
            writes[i] = httpChunk(sse(dataEvents.get(i)));
        }
        StringBuilder tail = new StringBuilder();
        for (int i = tokens; i < dataEvents.size(); i++) {
            tail.append(sse(dataEvents.get(i)));
        }
        byte[] lastChunk = httpChunk(tail.toString());
        byte[] end = ascii("0\r\n\r\n");
        writes[tokens] = new byte[lastChunk.length + end.length];
        System.arraycopy(lastChunk, 0, writes[tokens], 0, lastChunk.length);
        System.arraycopy(end, 0, writes[tokens], lastChunk.length, end.length);
    }

    /** The bytes of write {@code i}, HTTP chunk framing included; the caller must not modify them. */
    byte[] write(int i) {
        return writes[i];
    }

    /** The payloads of the data events, in order, as a client should see them. */
    List<String> dataEvents() {
        return List.copyOf(dataEvents);
    }

    /** The response body once the HTTP chunk framing is removed. */
    String sseBody() {
        StringBuilder body = new StringBuilder();
        dataEvents.forEach(data -> body.append(sse(data)));
        return body.toString();
    }

    private static String tokenChunk(String delta) {
        return "{\"choices\":[{\"finish_reason\":null,\"index\":0,\"delta\":{" + delta + "}}]," + ENVELOPE + "}";
    }

    private static String sse(String data) {
        return "data: " + data + "\n\n";
    }

    private static byte[] httpChunk(String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        byte[] head = ascii(Integer.toHexString(bytes.length) + "\r\n");
        byte[] chunk = new byte[head.length + bytes.length + 2];
        System.arraycopy(head, 0, chunk, 0, head.length);
        System.arraycopy(bytes, 0, chunk, head.length, bytes.length);
        chunk[chunk.length - 2] = '\r';
        chunk[chunk.length - 1] = '\n';
        return chunk;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
