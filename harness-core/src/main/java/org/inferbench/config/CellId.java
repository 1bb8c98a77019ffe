package org.inferbench.config;

import java.util.Objects;

/**
 * A cell's identity, {@code <node>:<engine>:<model>}. Model names contain colons
 * ({@code qwen3.5:0.8b}), so the id splits on the first two colons only (SPEC section 1).
 */
public record CellId(String node, Engine engine, String model) {

    public CellId {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(model, "model");
    }

    /**
     * Parses {@code pavilion:llamacpp:qwen3.5:0.8b}.
     *
     * @throws IllegalArgumentException with a message fit for a user when the text is not a cell id
     */
    public static CellId parse(String text) {
        int first = text.indexOf(':');
        int second = first < 0 ? -1 : text.indexOf(':', first + 1);
        if (first <= 0 || second < 0 || second == first + 1 || second == text.length() - 1) {
            throw new IllegalArgumentException("'" + text + "' is not a cell id of the form <node>:<engine>:<model>");
        }
        String engineName = text.substring(first + 1, second);
        Engine engine = Engine.fromWireName(engineName).orElseThrow(() -> new IllegalArgumentException(
                "unknown engine '" + engineName + "' in cell id '" + text + "' (known: " + Engine.known() + ")"));
        return new CellId(text.substring(0, first), engine, text.substring(second + 1));
    }

    @Override
    public String toString() {
        return node + ":" + engine.wireName() + ":" + model;
    }
}
