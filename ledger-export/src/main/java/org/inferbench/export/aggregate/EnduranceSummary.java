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
 * @param queues  one per cell whose samples gave its queue depth, in the order the cells were first sampled; empty
 *                without such samples
 */
public record EnduranceSummary(Duration window, Duration requested, List<Series> series, long leftOut,
                               List<Queue> queues) {

    public EnduranceSummary {
        series = List.copyOf(series);
        queues = List.copyOf(queues);
    }

    /**
     * A cell's sampled queue depth ({@code llamacpp:requests_deferred}) over the same windows as its calls: queue
     * growth shows as a rising depth, window after window.
     *
     * @param windows from the window of its first sample in the run's windows to that of its last
     * @param depth   the drift of the windows' mean depth
     */
    public record Queue(String cellId, List<QueueWindow> windows, Drift depth) {

        public Queue {
            windows = List.copyOf(windows);
        }
    }

    /**
     * @param samples   samples taken in the window (about one a second)
     * @param depthMean their mean queue depth
     */
    public record QueueWindow(int index, int samples, double depthMean) {
    }

    /**
     * @param levelIdx     the load level, each a series of its own; null for the sequential matrix's calls
     * @param routed       through the routing gateway (mode B), a series apart from the direct calls
     * @param windows      from the window of its first call to that of its last, empty ones between included
     * @param tokensPerSec the drift of the windows' tokens/s mean
     * @param ttft         the drift of the windows' TTFT p50
     */
    public record Series(String cellId, String promptId, Integer levelIdx, boolean routed, List<Window> windows,
                         Drift tokensPerSec, Drift ttft) {

        public Series {
            windows = List.copyOf(windows);
        }

        /** "P-EASY", "P-EASY level 2" for a load level, "P-EASY (routed)" through the gateway. */
        public String label() {
            return promptId + (levelIdx == null ? "" : " level " + levelIdx) + (routed ? " (routed)" : "");
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
