package org.inferbench.config;

import java.util.Map;

/**
 * Where {@code ${VAR}} in a configuration file gets its value. An interface so that tests hand the
 * loader a map instead of depending on the environment they happen to run in.
 */
@FunctionalInterface
public interface Environment {

    /** The variable's value, or null when it is not set. */
    String get(String name);

    /** The process environment. */
    static Environment system() {
        return System::getenv;
    }

    /** A fixed set of variables; every other name is unset. */
    static Environment of(Map<String, String> variables) {
        Map<String, String> copy = Map.copyOf(variables);
        return copy::get;
    }

    /** A name a shell can export: a letter or underscore, then letters, digits, underscores. */
    static boolean isVariableName(String name) {
        return name.matches("[A-Za-z_][A-Za-z0-9_]*");
    }
}
