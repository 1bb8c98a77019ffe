package org.inferbench.bench.engine;

import java.util.Optional;
import org.inferbench.config.Cell;
import org.inferbench.config.Environment;

/**
 * A cell's bearer token, read from the variable its {@code api_key_env} names, at the moment it is needed.
 *
 * <p>A cell that names a variable wants to authenticate: when the variable is unset or empty the cell is
 * skipped with {@link #missing}'s reason, never called without its credential (the server would answer
 * 401 at best, and at worst serve an unauthenticated tier and measure that).
 */
public final class BearerToken {

    private BearerToken() {
    }

    public static Optional<String> of(Cell cell, Environment environment) {
        return cell.apiKeyEnv().map(environment::get).filter(token -> !token.isEmpty());
    }

    /** "api_key_env OPENAI_API_KEY is not set" (or "is empty"); empty when the cell has its token or wants none. */
    public static Optional<String> missing(Cell cell, Environment environment) {
        if (cell.apiKeyEnv().isEmpty() || of(cell, environment).isPresent()) {
            return Optional.empty();
        }
        String name = cell.apiKeyEnv().get();
        return Optional.of("api_key_env " + name + " is " + (environment.get(name) == null ? "not set" : "empty"));
    }
}
