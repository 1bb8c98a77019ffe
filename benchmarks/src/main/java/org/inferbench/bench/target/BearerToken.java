package org.inferbench.bench.target;

import java.util.Optional;
import org.inferbench.config.Cell;
import org.inferbench.config.Environment;

/** A cell's bearer token, read from the variable its {@code api_key_env} names, at the moment it is needed. */
public final class BearerToken {

    private BearerToken() {
    }

    public static Optional<String> of(Cell cell, Environment environment) {
        return cell.apiKeyEnv().map(environment::get).filter(token -> !token.isEmpty());
    }
}
