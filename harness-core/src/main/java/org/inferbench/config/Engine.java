package org.inferbench.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The server software on a node (SPEC section 1). The wire name is what {@code cells.yaml} and the ledger say. */
public enum Engine {
    /** Ollama; its OpenAI-compatible API lives beside its native one on port 11434. */
    OLLAMA("ollama"),
    /** llama.cpp's llama-server; port 11436 in the reference cluster. */
    LLAMACPP("llamacpp"),
    /** Any other OpenAI-compatible server: vLLM, LM Studio, a hosted API. */
    OPENAI("openai");

    private final String wireName;

    Engine(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Engine> fromWireName(String name) {
        return Arrays.stream(values()).filter(e -> e.wireName.equals(name)).findFirst();
    }

    /** "ollama | llamacpp | openai", for error messages. */
    public static String known() {
        return Arrays.stream(values()).map(Engine::wireName).collect(Collectors.joining(" | "));
    }

    @Override
    public String toString() {
        return wireName.toLowerCase(Locale.ROOT);
    }
}
