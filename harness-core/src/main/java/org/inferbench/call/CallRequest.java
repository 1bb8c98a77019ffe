package org.inferbench.call;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.inferbench.config.Defaults;
import org.inferbench.config.Prompt;

/**
 * What to send for one call: by default {@code POST {endpoint}/v1/chat/completions} (SPEC section 2); {@code api}
 * chooses another engine API.
 *
 * @param endpoint    the engine's base URL, e.g. {@code http://127.0.0.1:11436}; it may carry a path
 *                    prefix ({@code https://gateway.example/llm}) and user info
 *                    ({@code http://user:pass@host}), which is sent as Basic auth when there is no
 *                    bearer token and never sent in the URL nor written anywhere
 * @param model       the engine's name for the model
 * @param prompt      the frozen prompt: its text is the one user message, its {@code max_tokens} is sent
 * @param temperature sent explicitly (see {@link Defaults#TEMPERATURE})
 * @param topP        sent explicitly (see {@link Defaults#TOP_P})
 * @param headers     extra request headers, e.g. SPEC section 9's {@code X-Weeyuga-*} in routed mode,
 *                    in the order given
 * @param bearerToken sent as {@code Authorization: Bearer <token>}; never written anywhere
 * @param skipPromptCache sends {@code "cache_prompt": false}, llama-server's per-request switch to
 *                    process the whole prompt again instead of reusing the slot's cached prefix (a
 *                    prefix-cache-cold call); off by default, when nothing extra is sent
 * @param api         the engine API the call streams through (the request sent, the stream read)
 */
public record CallRequest(String endpoint, String model, Prompt prompt, double temperature, double topP,
                          Map<String, String> headers, Optional<String> bearerToken, boolean skipPromptCache,
                          StreamApi api) {

    public CallRequest {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(bearerToken, "bearerToken");
        Objects.requireNonNull(api, "api");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** A request that uses the server's prompt cache as usual. */
    public CallRequest(String endpoint, String model, Prompt prompt, double temperature, double topP,
                       Map<String, String> headers, Optional<String> bearerToken) {
        this(endpoint, model, prompt, temperature, topP, headers, bearerToken, false, StreamApi.OPENAI_CHAT);
    }

    /** A plain call with the default sampling settings, no extra headers and no token. */
    public static CallRequest of(String endpoint, String model, Prompt prompt) {
        return new CallRequest(endpoint, model, prompt, Defaults.TEMPERATURE, Defaults.TOP_P, Map.of(),
                Optional.empty());
    }

    /** The same request with these extra headers instead. */
    public CallRequest withHeaders(Map<String, String> newHeaders) {
        return new CallRequest(endpoint, model, prompt, temperature, topP, newHeaders, bearerToken, skipPromptCache,
                api);
    }

    /** The same request with this bearer token. */
    public CallRequest withBearerToken(String token) {
        return new CallRequest(endpoint, model, prompt, temperature, topP, headers, Optional.of(token), skipPromptCache,
                api);
    }

    /**
     * The same request with {@code "cache_prompt": false}: llama-server evaluates the whole prompt
     * instead of reusing its cache (the llama.cpp cold call). Other engines ignore the key.
     */
    public CallRequest withoutPromptCache() {
        return new CallRequest(endpoint, model, prompt, temperature, topP, headers, bearerToken, true, api);
    }

    /** The same request through another engine API. */
    public CallRequest withApi(StreamApi other) {
        return new CallRequest(endpoint, model, prompt, temperature, topP, headers, bearerToken, skipPromptCache,
                other);
    }

    /** Says whether there is a token or user info, never what they are: requests end up in logs. */
    @Override
    public String toString() {
        return "CallRequest[endpoint=" + (endpoint.contains("@") ? "<with user info>" : endpoint)
                + ", model=" + model + ", prompt=" + prompt.id() + ", temperature=" + temperature
                + ", topP=" + topP + ", headers=" + headers.keySet()
                + ", bearerToken=" + (bearerToken.isPresent() ? "<redacted>" : "none")
                + ", skipPromptCache=" + skipPromptCache + ", api=" + api + "]";
    }
}
