package org.inferbench.call.internal;

import okhttp3.MediaType;
import okhttp3.Request;
import okio.BufferedSource;
import org.inferbench.call.CallRequest;
import org.inferbench.call.StreamApi;
import org.inferbench.config.Defaults;

/**
 * One engine API's streamed chat: the request it takes, the answer's content type, how its body is cut into frames
 * and how those frames are read. {@link StreamingCall} runs every format the same way, so a new engine API (Ollama's
 * native NDJSON) is a new constant here and its own decoder, and never touches the call core.
 */
enum StreamFormat {

    /** SPEC section 2: {@code /v1/chat/completions}, server-sent events of OpenAI chat chunks. */
    OPENAI_CHAT {
        @Override
        Request request(CallRequest call, String userAgent) throws InvalidCallRequestException {
            return ChatRequests.build(call, userAgent);
        }

        @Override
        boolean accepts(MediaType type) {
            return type != null && "text".equals(type.type()) && "event-stream".equals(type.subtype());
        }

        @Override
        FrameReader frames(BufferedSource body, FrameReader.Sink sink) {
            return new SseReader(body, (id, type, data) -> sink.onFrame(type, data), Defaults.MAX_EVENT_BYTES);
        }

        @Override
        StreamDecoder decoder(TokenTimeline timeline, ServerMessages messages) {
            return new StreamRecorder(timeline, messages);
        }
    },

    /** Ollama's {@code /api/chat}: newline-delimited JSON objects, the last one saying {@code "done": true}. */
    OLLAMA_NATIVE {
        @Override
        Request request(CallRequest call, String userAgent) throws InvalidCallRequestException {
            return OllamaChatRequests.build(call, userAgent);
        }

        /** {@code application/x-ndjson}; some Ollama versions label the same lines {@code application/json}. */
        @Override
        boolean accepts(MediaType type) {
            return type != null && "application".equals(type.type())
                    && ("x-ndjson".equals(type.subtype()) || "json".equals(type.subtype()));
        }

        @Override
        FrameReader frames(BufferedSource body, FrameReader.Sink sink) {
            return new NdjsonReader(body, sink, Defaults.MAX_EVENT_BYTES);
        }

        @Override
        StreamDecoder decoder(TokenTimeline timeline, ServerMessages messages) {
            return new OllamaChatDecoder(timeline, messages);
        }
    };

    static StreamFormat of(StreamApi api) {
        return switch (api) {
            case OPENAI_CHAT -> OPENAI_CHAT;
            case OLLAMA_NATIVE -> OLLAMA_NATIVE;
        };
    }

    abstract Request request(CallRequest call, String userAgent) throws InvalidCallRequestException;

    /** Whether an answer of this content type is this format's stream (anything else is refused, with its type). */
    abstract boolean accepts(MediaType type);

    abstract FrameReader frames(BufferedSource body, FrameReader.Sink sink);

    abstract StreamDecoder decoder(TokenTimeline timeline, ServerMessages messages);
}
