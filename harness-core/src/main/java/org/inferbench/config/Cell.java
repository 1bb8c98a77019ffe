package org.inferbench.config;

import java.util.Objects;
import java.util.Optional;

/**
 * One {@code (node, engine, model)} entry of {@code cells.yaml}, after interpolation.
 *
 * @param id          the cell id
 * @param endpoint    the engine's base URL ({@code http://127.0.0.1:11436}), empty when the
 *                    endpoint came from an unset environment variable
 * @param unsetReason why the endpoint is empty (names the variable); empty when it is set
 * @param enabled     false: declared but not run, recorded as skipped
 * @param cold        false: no cold call for this cell
 * @param ggufSha256  the operator's record of a llama.cpp model file's hash, if any
 * @param apiKeyEnv   the name of a variable holding a bearer token, if any (the value is read at
 *                    call time and never stored)
 * @param line        the line of {@code cells.yaml} the cell starts on, for messages
 */
public record Cell(CellId id, Optional<String> endpoint, Optional<String> unsetReason, boolean enabled,
                   boolean cold, Optional<String> ggufSha256, Optional<String> apiKeyEnv, int line) {

    public Cell {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(unsetReason, "unsetReason");
        Objects.requireNonNull(ggufSha256, "ggufSha256");
        Objects.requireNonNull(apiKeyEnv, "apiKeyEnv");
    }

    public Engine engine() {
        return id.engine();
    }

    public String model() {
        return id.model();
    }
}
