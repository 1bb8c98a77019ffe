package org.inferbench.export.format;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.inferbench.config.Defaults;
import org.inferbench.export.aggregate.Drift;
import org.inferbench.export.aggregate.Endurance;
import org.inferbench.export.aggregate.EnduranceSummary;
import org.inferbench.export.aggregate.EnduranceSummary.Queue;
import org.inferbench.export.aggregate.EnduranceSummary.QueueWindow;
import org.inferbench.export.aggregate.EnduranceSummary.Series;
import org.inferbench.export.aggregate.EnduranceSummary.Window;

/**
 * The endurance section (issue 11): per cell and prompt, the run window by window, then a drift line per metric. A
 * drift is flagged when the slope's confidence interval excludes 0; the figures are per cent of the metric's mean
 * per minute, so "tokens/s falls 2.1 %/min" reads the same whatever the window.
 */
final class EnduranceMarkdown {

    static final List<String> COLUMNS = List.of("window", "from min", "calls", "errors", "tokens_per_sec mean",
            "first_delta_ms p50");
    static final List<String> QUEUE_COLUMNS = List.of("window", "from min", "samples", "requests_deferred mean");

    private EnduranceMarkdown() {
    }

    static void append(StringBuilder out, EnduranceSummary endurance) {
        out.append("\n## Endurance\n\n");
        out.append("Warm calls by the window their start falls in, windows of ").append(duration(endurance.window()));
        if (!endurance.window().equals(endurance.requested())) {
            out.append(" (widened from ").append(duration(endurance.requested())).append(": the run spans more than ")
                    .append(Endurance.MAX_WINDOWS).append(" of those)");
        }
        out.append("; tokens_per_sec and first_delta_ms over the calls that did not fail. Drift: least squares slope")
                .append(" over the window index, with its ").append(confidence())
                .append(" confidence interval, as % of the mean per minute; flagged when the interval excludes 0.\n");
        if (endurance.leftOut() > 0) {
            out.append("\n").append(endurance.leftOut())
                    .append(" warm calls left out: no started_at_utc, nor a load level to place them by.\n");
        }
        double minutes = endurance.window().toMillis() / 60_000.0;
        for (Series series : endurance.series()) {
            out.append("\n### ").append(series.cellId()).append(" ").append(series.label()).append(" over time\n\n");
            out.append("- ").append(drift("tokens/s", "falls", "rises", series.tokensPerSec())).append('\n');
            out.append("- ").append(drift("TTFT", "falls", "rises", series.ttft())).append("\n\n");
            MarkdownTable table = new MarkdownTable(COLUMNS);
            for (Window window : series.windows()) {
                table.row(Integer.toString(window.index()), Figures.rate(window.index() * minutes),
                        Integer.toString(window.calls()), Integer.toString(window.errors()),
                        Figures.perSecond(window.tokensPerSecMean()), Figures.whole(window.ttftP50()));
            }
            table.appendTo(out);
        }
        for (Queue queue : endurance.queues()) {
            out.append("\n### ").append(queue.cellId()).append(" queue depth over time\n\n");
            out.append("The target's own llamacpp:requests_deferred (requests waiting for a slot), sampled about once a"
                    + " second, mean per window; the drift in requests per minute, since an idle queue's mean is 0.\n\n");
            out.append("- ").append(absoluteDrift("queue depth", "falls", "grows", "requests/min", queue.depth()))
                    .append("\n\n");
            MarkdownTable table = new MarkdownTable(QUEUE_COLUMNS);
            for (QueueWindow window : queue.windows()) {
                table.row(Integer.toString(window.index()), Figures.rate(window.index() * minutes),
                        Integer.toString(window.samples()), Figures.rate(window.depthMean()));
            }
            table.appendTo(out);
        }
    }

    /** "drifting: queue depth grows 0.50 requests/min, 95 % CI 0.41 to 0.59 requests/min (12 windows)", or "steady: ...". */
    static String absoluteDrift(String metric, String down, String up, String unit, Drift drift) {
        if (!Double.isFinite(drift.slope())) {
            return "no trend: " + metric + " has " + drift.windows() + " windows with a value, fewer than "
                    + Drift.MIN_WINDOWS;
        }
        double slope = drift.perMinute();
        String ci = confidence() + " CI " + Figures.rate(drift.lowerPerMinute()) + " to "
                + Figures.rate(drift.upperPerMinute()) + " " + unit + " (" + drift.windows() + " windows)";
        if (drift.flagged()) {
            return "drifting: " + metric + " " + (slope < 0 ? down : up) + " " + Figures.rate(Math.abs(slope)) + " "
                    + unit + ", " + ci;
        }
        return "steady: " + metric + " " + Figures.rate(slope) + " " + unit + ", " + ci;
    }

    /** "drifting: tokens/s falls 2.1 %/min, 95 % CI -2.5 to -1.7 %/min (12 windows)", or "steady: ...". */
    static String drift(String metric, String down, String up, Drift drift) {
        if (!Double.isFinite(drift.slope())) {
            return "no trend: " + metric + " has " + drift.windows() + " windows with a value, fewer than "
                    + Drift.MIN_WINDOWS;
        }
        double percent = drift.percentPerMinute();
        String ci = confidence() + " CI " + signed(drift.lowerPercentPerMinute()) + " to "
                + signed(drift.upperPercentPerMinute()) + " %/min (" + drift.windows() + " windows)";
        if (drift.flagged()) {
            return "drifting: " + metric + " " + (percent < 0 ? down : up) + " "
                    + Figures.perSecond(Math.abs(percent)) + " %/min, " + ci;
        }
        return "steady: " + metric + " " + signed(percent) + " %/min, " + ci;
    }

    private static String signed(double percent) {
        String text = Figures.perSecond(percent);
        return percent > 0 && !text.equals("0.0") ? "+" + text : text;
    }

    private static String confidence() {
        return String.format(Locale.ROOT, "%.0f %%", 100 * (1 - Defaults.SIGNIFICANCE_LEVEL));
    }

    /** "1m", "90s", "1h": the way --windows takes it. */
    static String duration(Duration window) {
        long seconds = window.toSeconds();
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }
}
