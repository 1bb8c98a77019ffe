package org.inferbench.call.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okio.Buffer;
import org.inferbench.call.CallRequest;
import org.inferbench.call.StreamApi;
import org.inferbench.config.Prompt;
import org.junit.jupiter.api.Test;

/** The engine seam: each API is a format the call core runs the same way; every API has one. */
class StreamFormatTest {

    @Test
    void everyApiHasAFormat() {
        for (StreamApi api : StreamApi.values()) {
            assertEquals(api.name(), StreamFormat.of(api).name());
        }
    }

    @Test
    void theOpenAiChatFormatAsksForSpecSection2AndReadsServerSentEvents() throws Exception {
        StreamFormat format = StreamFormat.of(StreamApi.OPENAI_CHAT);
        CallRequest call = CallRequest.of("http://127.0.0.1:1/llm", "m", new Prompt("P-EASY", "i", "hi\n", 8));

        assertEquals("http://127.0.0.1:1/llm/v1/chat/completions", format.request(call, "ua").url().toString());
        assertTrue(format.accepts(MediaType.get("text/event-stream; charset=utf-8")));
        assertFalse(format.accepts(MediaType.get("application/x-ndjson")));
        assertFalse(format.accepts(null));

        List<String> frames = new ArrayList<>();
        FrameReader reader = format.frames(new Buffer().writeUtf8("data: {\"a\":1}\n\nevent: error\ndata: x\n\n"),
                (type, data) -> frames.add(type + " " + data));
        while (reader.next()) {
            // one frame a turn
        }
        assertEquals(List.of("message {\"a\":1}", "error x"), frames);
        assertFalse(reader.endedInsideFrame());
    }

    @Test
    void theOllamaNativeFormatAsksForApiChatAndReadsLines() throws Exception {
        StreamFormat format = StreamFormat.of(StreamApi.OLLAMA_NATIVE);
        CallRequest call = CallRequest.of("http://127.0.0.1:1/llm", "m", new Prompt("P-EASY", "i", "hi\n", 8))
                .withApi(StreamApi.OLLAMA_NATIVE);

        assertEquals("http://127.0.0.1:1/llm/api/chat", format.request(call, "ua").url().toString());
        assertTrue(format.accepts(MediaType.get("application/x-ndjson")));
        assertTrue(format.accepts(MediaType.get("application/json; charset=utf-8")));
        assertFalse(format.accepts(MediaType.get("text/event-stream")));
        assertFalse(format.accepts(null));

        List<String> frames = new ArrayList<>();
        FrameReader reader = format.frames(new Buffer().writeUtf8("{\"a\":1}\n{\"done\":true}\n"),
                (type, data) -> frames.add(type + " " + data));
        while (reader.next()) {
            // one frame a turn
        }
        assertEquals(List.of("null {\"a\":1}", "null {\"done\":true}"), frames);
        assertFalse(reader.endedInsideFrame());
    }
}
