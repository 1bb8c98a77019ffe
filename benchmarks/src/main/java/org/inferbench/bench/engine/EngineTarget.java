package org.inferbench.bench.engine;

import java.util.Optional;
import org.inferbench.call.CallRequest;
import org.inferbench.config.Cell;
import org.inferbench.config.Engine;
import org.inferbench.record.CellFacts;
import org.inferbench.record.ColdKind;
import org.inferbench.time.Sleeper;
import org.inferbench.time.Ticker;

/**
 * What the harness needs to know about one engine besides the measured call, which is the same
 * OpenAI-compatible request for all of them (SPEC section 2): how to ask whether it is up, which
 * reproducibility facts it can give, and what "cold" honestly means for it (SPEC section 3).
 */
public sealed interface EngineTarget permits OllamaTarget, LlamaCppTarget, OpenAiTarget {

    static EngineTarget of(Engine engine) {
        return switch (engine) {
            case OLLAMA -> new OllamaTarget();
            case LLAMACPP -> new LlamaCppTarget();
            case OPENAI -> new OpenAiTarget();
        };
    }

    /** The path of the health check GET (SPEC section 8); also the fork's untimed connection warm-up. */
    String healthPath();

    /** What this engine's cold call is (recorded as {@code cold_kind}). */
    ColdKind coldKind();

    /**
     * The health check and the reproducibility facts of SPEC section 5. Never throws: an engine
     * that does not answer gives facts with {@code reachable} false and the reason.
     *
     * @param endpoint the cell's endpoint (set)
     */
    CellFacts probe(Cell cell, String endpoint, EngineHttp http);

    /**
     * The cold call's request, from the warm one: llama.cpp's turns its prompt cache off. Warm calls
     * keep the engine's caches: they measure the warm path.
     */
    default CallRequest coldRequest(CallRequest warm) {
        return warm;
    }

    /**
     * How the cold request was made cold beyond {@link #coldKind()}, for the cold call's {@code cold_note};
     * empty when the request is the warm one.
     */
    default Optional<String> coldRequestNote() {
        return Optional.empty();
    }

    /**
     * Makes the next call cold where the engine allows it. Untimed: runs before the measured call.
     *
     * @return what went wrong, for the call's {@code cold_note}; empty when the call will be cold
     */
    default Optional<String> prepareCold(Cell cell, String endpoint, EngineHttp http, Sleeper sleeper,
                                         Ticker ticker) throws InterruptedException {
        return Optional.empty();
    }
}
