package org.inferbench.export.aggregate;

/**
 * One cell and prompt, the client's times beside the engine's (issue 11): what the client waited for that the
 * engine did not report doing is network, queueing and HTTP.
 *
 * @param cold the cold call; null when it had no engine timings (or failed, or there was none)
 * @param warm the warm calls that did not fail and carry engine timings; null when there were none
 */
public record ClientServerSummary(String cellId, String promptId, Gap cold, Gap warm) {

    /**
     * The p50 of each value over the calls (for a cold call, the value itself); each gap is the p50 of the
     * per-call differences, which is not the difference of the p50s. NaN when unknown.
     *
     * @param engines         which engines' timings the calls carried ("llama.cpp", "ollama"; both joined when a
     *                        batch mixes them)
     * @param n               calls taken
     * @param firstDeltaMs    client {@code first_delta_ms}
     * @param enginePromptMs  the engine's prompt time ({@link EngineTimings})
     * @param promptGapMs     {@code first_delta_ms} minus the engine's prompt time
     * @param totalDurationMs client {@code total_duration_ms}
     * @param engineTotalMs   the engine's total
     * @param totalGapMs      {@code total_duration_ms} minus the engine's total
     */
    public record Gap(String engines, int n, double firstDeltaMs, double enginePromptMs, double promptGapMs,
                      double totalDurationMs, double engineTotalMs, double totalGapMs) {
    }
}
