package org.inferbench.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code ${VAR}} and {@code ${VAR:-default}} in a configuration value, with the shell's meaning:
 * the default applies when the variable is unset or empty. An empty variable counts as unset for
 * {@code ${VAR}} too: an exported but empty variable is a forgotten value, not an endpoint.
 * A {@code $} not followed by <code>{</code> is kept as it is.
 */
final class Interpolation {

    private Interpolation() {
    }

    /**
     * The value after substitution, or, when a variable without a default is unset, no value and
     * the names of the unset variables (so that the reason a cell is skipped can name them).
     */
    record Result(Optional<String> value, List<String> unsetVariables) {
    }

    /** @throws IllegalArgumentException with a message fit for a user when a reference is malformed */
    static Result resolve(String text, Environment environment) {
        StringBuilder resolved = new StringBuilder();
        List<String> unset = new ArrayList<>();
        int from = 0;
        for (int start = text.indexOf("${"); start >= 0; start = text.indexOf("${", from)) {
            int end = text.indexOf('}', start + 2);
            if (end < 0) {
                throw new IllegalArgumentException("'${' without a closing '}'");
            }
            String reference = text.substring(start + 2, end);
            int separator = reference.indexOf(":-");
            String name = separator < 0 ? reference : reference.substring(0, separator);
            if (!Environment.isVariableName(name)) {
                throw new IllegalArgumentException(Quote.of("${" + reference + "}") + " is not a variable reference:"
                        + " write ${NAME} or ${NAME:-default}");
            }
            if (separator >= 0 && reference.contains("${")) {
                throw new IllegalArgumentException(Quote.of("${" + reference + "}") + ": a default cannot hold another reference");
            }
            resolved.append(text, from, start);
            String value = environment.get(name);
            if (value != null && !value.isEmpty()) {
                resolved.append(value);
            } else if (separator >= 0) {
                resolved.append(reference, separator + 2, reference.length());
            } else {
                unset.add(name);
            }
            from = end + 1;
        }
        resolved.append(text, from, text.length());
        return unset.isEmpty()
                ? new Result(Optional.of(resolved.toString()), List.of())
                : new Result(Optional.empty(), List.copyOf(unset));
    }
}
