package org.inferbench.config;

import java.util.Objects;

/**
 * One frozen input (SPEC section 6). The text is kept byte for byte as in {@code prompts.yaml},
 * trailing newline included: a different byte is a different benchmark.
 */
public record Prompt(String id, String intent, String text, int maxTokens) {

    public Prompt {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        if (maxTokens <= 0) {
            throw new IllegalArgumentException("max_tokens must be positive, was " + maxTokens);
        }
    }
}
