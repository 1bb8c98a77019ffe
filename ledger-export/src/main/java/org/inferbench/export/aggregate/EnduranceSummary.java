package org.inferbench.export.aggregate;

import java.time.Duration;
import java.util.List;

/**
 * A run split into windows of time (issue 11, Endurance), per cell and prompt, with a drift test per metric.
 *
 * @param window    the windows' length
 * @param requested the length asked for; longer than that only when the run spanned more than
 *                  {@link Endurance#MAX_WINDOWS} of them
 * @param series  one per cell and prompt, in the order they first appeared
 * @param leftOut warm calls with no time to place them by
 */
public record EnduranceSummary(Duration window, Duration requested, List<Series> series, long leftOut) {

    public EnduranceSummary {
        series = List.copyOf(series);
    }

    /**
     * @param windows      from the window of its first call to that of its last, empty ones between included
     * @param tokensPerSec the drift of the windows' tokens/s mean
     * @param ttft         the drift of the windows' TTFT p50
     */
    public record Series(String cellId, String promptId, List<Window> windows, Drift tokensPerSec, Drift ttft) {

        public Series {
            windows = List.copyOf(windows);
        }
    }

    /**
     * @param index            0 for the window the run's first call started in
     * @param calls            warm calls started in the window, failed or not
     * @param errors           of those, calls that failed
     * @param tokensPerSecMean over the calls that did not fail; NaN when none
     * @param ttftP50          {@code first_delta_ms} p50 over the same calls; NaN when none
     */
    public record Window(int index, int calls, int errors, double tokensPerSecMean, double ttftP50) {
    }
}
