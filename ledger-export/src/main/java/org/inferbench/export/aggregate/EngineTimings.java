package org.inferbench.export.aggregate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * What the engine says one call cost it, in milliseconds (SPEC section 12, {@code server_timings}), reduced to the
 * two spans the client also measures: the prompt (what stands before the first token) and the whole request.
 *
 * <ul>
 *   <li>llama.cpp: prompt {@code prompt_ms}; total {@code prompt_ms + predicted_ms}.</li>
 *   <li>native Ollama: prompt {@code prompt_eval_duration}, plus {@code load_duration} on a cold call (the model
 *       was loaded for it, and the client waited for that too); total {@code total_duration}, which already
 *       includes the load.</li>
 * </ul>
 * The engine is told by the keys present; a value that is not a finite, non-negative number is unknown (the server
 * is not trusted to send sense), and the call still counts as that engine's, with that span unknown.
 *
 * @param promptMs the engine's prompt time; null when unknown
 * @param totalMs  the engine's total; null when unknown
 */
public record EngineTimings(TimingEngine engine, Double promptMs, Double totalMs) {

    /** The engine's spans of a call; empty when it has no timings, or none this reader recognises. */
    public static Optional<EngineTimings> of(JsonNode serverTimings, boolean cold) {
        if (serverTimings == null || !serverTimings.isObject()) {
            return Optional.empty();
        }
        Double promptMs = number(serverTimings, "prompt_ms");
        Double predictedMs = number(serverTimings, "predicted_ms");
        if (serverTimings.has("prompt_ms") || serverTimings.has("predicted_ms")) {
            return Optional.of(new EngineTimings(TimingEngine.LLAMACPP, promptMs,
                    promptMs == null || predictedMs == null ? null : promptMs + predictedMs));
        }
        Double promptEval = number(serverTimings, "prompt_eval_duration");
        Double load = number(serverTimings, "load_duration");
        Double total = number(serverTimings, "total_duration");
        if (!serverTimings.has("prompt_eval_duration") && !serverTimings.has("total_duration")) {
            return Optional.empty();
        }
        Double prompt = promptEval == null || (cold && load == null) ? null : promptEval + (cold ? load : 0);
        return Optional.of(new EngineTimings(TimingEngine.OLLAMA, prompt, total));
    }

    private static Double number(JsonNode object, String key) {
        JsonNode value = object.get(key);
        if (value == null || !value.isNumber()) {
            return null;
        }
        double ms = value.asDouble();
        return Double.isFinite(ms) && ms >= 0 ? ms : null;
    }
}
