package org.inferbench.bench.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Optional;
import org.inferbench.call.CallRequest;
import org.inferbench.config.Cell;
import org.inferbench.record.CellFacts;
import org.inferbench.record.ColdKind;

/**
 * llama.cpp's llama-server: {@code /health}, the build from {@code /props}, the model file and its
 * size from {@code /props} and {@code /v1/models}. It cannot unload its one model, so its cold call
 * is only process-warm (SPEC section 3); but it is prefix-cache-cold: sent with {@code cache_prompt:
 * false}, the server evaluates the whole prompt instead of reusing the slot's cache, which an earlier
 * call of the same prompt filled ({@code timings.cache_n} was the prompt's length, and cold measured
 * the same as warm).
 */
final class LlamaCppTarget implements EngineTarget {

    /** The cold call's {@code cold_note}: what was done to make it cold. */
    static final String PROMPT_CACHE_OFF = "prompt_cache_off: sent with cache_prompt false";

    @Override
    public String healthPath() {
        return "/health";
    }

    @Override
    public ColdKind coldKind() {
        return ColdKind.PROCESS_WARM;
    }

    @Override
    public CallRequest coldRequest(CallRequest warm) {
        return warm.withoutPromptCache();
    }

    @Override
    public Optional<String> coldRequestNote() {
        return Optional.of(PROMPT_CACHE_OFF);
    }

    @Override
    public CellFacts probe(Cell cell, String endpoint, EngineHttp http) {
        CellFactsBuilder facts = new CellFactsBuilder(cell, endpoint, http.serverText(endpoint));
        try {
            // 503 while the model is still loading: not ready is not reachable.
            http.get(endpoint, healthPath());
        } catch (IOException e) {
            return facts.unreachable(e.getMessage());
        }
        String propsModelPath = null;
        try {
            JsonNode props = http.get(endpoint, "/props");
            facts.engineVersion(JsonFields.text(props, "build_info"));
            propsModelPath = JsonFields.text(props, "model_path");
        } catch (IOException e) {
            // Facts unknown, recorded as null; the engine is up.
        }
        try {
            JsonNode model = http.get(endpoint, "/v1/models").path("data").path(0);
            facts.modelNParams(JsonFields.number(model.path("meta"), "n_params"))
                    .modelSize(JsonFields.number(model.path("meta"), "size"));
            // Without --alias, the model's id is the path it was loaded from.
            if (propsModelPath == null) {
                propsModelPath = JsonFields.text(model, "id");
            }
        } catch (IOException e) {
            // Same: unknown facts stay null.
        }
        return facts.modelPath(propsModelPath).reachable();
    }
}
