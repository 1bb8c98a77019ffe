package org.inferbench.call.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.inferbench.call.CallRequest;
import org.inferbench.record.Json;

/**
 * What a server said went wrong, made fit for a ledger line: one line, at most {@value #MAX_CHARS}
 * characters, and with the call's own secrets (bearer token, URL user info) replaced, since hosted
 * APIs like to echo the key they rejected. One instance per call, because the secrets are the call's.
 */
final class ServerMessages {

    /** Enough for every message in the wire samples; a misbehaving server cannot flood the ledger. */
    static final int MAX_CHARS = 200;

    static final String REDACTED = "<redacted>";

    private final List<String> secrets;

    ServerMessages(List<String> secrets) {
        this.secrets = List.copyOf(secrets);
    }

    /**
     * The bearer token, the endpoint's user name and password (decoded and as written), and the
     * credentials of the {@code Authorization} header the call sends: a server that echoes the header
     * it refused would otherwise publish the user info as Basic auth's base64, which is no disguise.
     */
    static ServerMessages forRequest(CallRequest request) {
        List<String> secrets = new ArrayList<>();
        request.bearerToken().filter(t -> !t.isBlank()).ifPresent(secrets::add);
        HttpUrl url = HttpUrl.parse(request.endpoint());
        if (url != null) {
            secrets.add(url.username());
            secrets.add(url.encodedUsername());
            secrets.add(url.password());
            secrets.add(url.encodedPassword());
            ChatRequests.authorization(request, url)
                    .ifPresent(header -> secrets.add(header.substring(header.indexOf(' ') + 1)));
        }
        secrets.removeIf(String::isEmpty);
        // Longest first, so a secret containing another is replaced whole.
        secrets.sort((a, b) -> b.length() - a.length());
        return new ServerMessages(secrets);
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
    String redact(String text) {
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, REDACTED);
        }
        return result;
    }

    private String tidy(String raw) {
        String oneLine = redact(raw).replaceAll("\\p{Cntrl}", " ").strip();
        if (oneLine.length() <= MAX_CHARS) {
            return oneLine;
        }
        int cut = MAX_CHARS - 3;
        if (Character.isHighSurrogate(oneLine.charAt(cut - 1))) {
            cut--; // Never split a character: a lone surrogate is not valid in the JSON ledger.
        }
        return oneLine.substring(0, cut) + "...";
    }
}
