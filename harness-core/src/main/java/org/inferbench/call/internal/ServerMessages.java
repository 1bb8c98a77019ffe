package org.inferbench.call.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.inferbench.call.CallRequest;
import org.inferbench.call.ServerText;
import org.inferbench.config.Defaults;
import org.inferbench.record.Json;

/**
 * What a server said went wrong, made fit for a ledger line through the call's {@link ServerText}:
 * one printable line, at most {@value #MAX_CHARS} characters, and with the call's own secrets
 * (bearer token, URL user info) replaced, since hosted APIs like to echo the key they rejected.
 * One instance per call, because the secrets are the call's.
 */
final class ServerMessages {

    /** Enough for every message in the wire samples; a misbehaving server cannot flood the ledger. */
    static final int MAX_CHARS = Defaults.MAX_SERVER_TEXT_CHARS;

    static final String REDACTED = ServerText.REDACTED;

    private final ServerText text;

    ServerMessages(List<String> secrets) {
        this(ServerText.redacting(secrets));
    }

    ServerMessages(ServerText text) {
        this.text = text;
    }

    /**
     * The bearer token, the endpoint's user name and password (decoded and as written), and the
     * credentials of the {@code Authorization} header the call sends: a server that echoes the header
     * it refused would otherwise publish the user info as Basic auth's base64, which is no disguise.
     */
    static ServerMessages forRequest(CallRequest request) {
        return new ServerMessages(ServerText.forRequest(request));
    }

    /** The cleaning every other string from this call's server goes through. */
    ServerText text() {
        return text;
    }

    /** The message of {@code {"error":{"message":...}}} (llama.cpp, OpenAI) or {@code {"error":"..."}} (Ollama). */
    Optional<String> fromErrorJson(JsonNode json) {
        JsonNode error = json.path("error");
        if (error.isTextual()) {
            return Optional.of(tidy(error.asText()));
        }
        JsonNode message = error.path("message");
        return message.isTextual() ? Optional.of(tidy(message.asText())) : Optional.empty();
    }

    /**
     * The message of an HTTP error body: the JSON error message, or the text of a short plain-text
     * body (Ollama answers unknown routes with {@code 404 page not found}); nothing for HTML pages
     * or JSON without an error message.
     */
    Optional<String> fromErrorBody(String body) {
        String trimmed = body.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("<")) {
            return Optional.empty();
        }
        if (trimmed.startsWith("{")) {
            try {
                return fromErrorJson(Json.mapper().readTree(trimmed));
            } catch (JsonProcessingException e) {
                return Optional.empty();
            }
        }
        return Optional.of(tidy(trimmed));
    }

    /** Every secret of the call replaced by {@value #REDACTED}. */
    String redact(String raw) {
        return text.redact(raw);
    }

    /** A message: redacted, one printable line, bounded. */
    String tidy(String raw) {
        return text.clean(raw, MAX_CHARS);
    }

    /** The same, to at most {@code maxChars}. */
    String tidy(String raw, int maxChars) {
        return text.clean(raw, maxChars);
    }
}
