package org.inferbench.call.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.Request;
import org.inferbench.call.CallRequest;
import org.inferbench.record.Json;

/**
 * Turns a {@link CallRequest} into Ollama's native streaming chat: {@code POST {endpoint}/api/chat}. URL, extra
 * headers and credentials go exactly as for SPEC section 2 ({@link ChatRequests}); only the path and the body differ.
 */
final class OllamaChatRequests {

    /** Appended to the endpoint, after any path prefix it has. */
    static final String PATH = "api/chat";

    /** What Ollama streams; some versions label the same lines {@code application/json}. */
    static final String ACCEPT = "application/x-ndjson, application/json";

    private OllamaChatRequests() {
    }

    static Request build(CallRequest call, String userAgent) throws InvalidCallRequestException {
        return ChatRequests.build(call, userAgent, PATH, body(call), ACCEPT);
    }

    /**
     * {@code {"model", "messages", "stream": true, "options": {"num_predict", "temperature", "top_p"}}}, in that order:
     * the prompt's {@code max_tokens} is Ollama's {@code num_predict}, and the sampling settings are sent explicitly as
     * for SPEC section 2 (see {@code Defaults.TEMPERATURE}). {@code skipPromptCache} is llama-server's switch and is
     * not sent: Ollama has no per-request equivalent.
     */
    static byte[] body(CallRequest call) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("model", call.model());
        body.putArray("messages").addObject()
                .put("role", "user")
                .put("content", call.prompt().text());
        body.put("stream", true);
        body.putObject("options")
                .put("num_predict", call.prompt().maxTokens())
                .put("temperature", call.temperature())
                .put("top_p", call.topP());
        return ChatRequests.bytes(body);
    }
}
