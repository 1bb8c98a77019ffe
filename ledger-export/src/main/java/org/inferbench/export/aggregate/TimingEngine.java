package org.inferbench.export.aggregate;

/**
 * Whose numbers a call's {@code server_timings} holds, told apart by the keys present, never by the cell's name: a
 * cell named "ollama" may sit behind a llama.cpp server, and the keys are what the engine actually sent.
 */
public enum TimingEngine {
    /** llama-server's {@code timings}: {@code prompt_ms}, {@code predicted_ms}. */
    LLAMACPP("llama.cpp"),
    /** Native Ollama's {@code /api/chat} durations, already in milliseconds. */
    OLLAMA("ollama");

    private final String label;

    TimingEngine(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
