package org.inferbench.export.format;

import java.util.List;
import org.inferbench.config.Defaults;
import org.inferbench.export.compare.LoadComparison;
import org.inferbench.export.compare.LoadLevelComparison;
import org.inferbench.export.compare.LoadMetric;
import org.inferbench.export.compare.LoadMetricVerdict;
import org.inferbench.export.compare.UnpairedLevel;

/**
 * The "Load levels" section of a comparison (issue Load): per cell, every level run in both runs with each
 * {@link LoadMetric}'s two values, change and verdict; then the levels only one run has. Written only when a run
 * has load levels, so a sequential comparison keeps its bytes. Columns are a contract once shipped.
 */
final class LoadComparisonMarkdown {

    static final List<String> COLUMNS = List.of("prompt", "level", "metric", "baseline", "current", "change",
            "verdict", "requests baseline", "requests current");
    static final List<String> ONLY_IN_BASELINE_COLUMNS = List.of("cell", "prompt", "level", "current run");
    static final List<String> ONLY_IN_CURRENT_COLUMNS = List.of("cell", "prompt", "level", "baseline run");

    private LoadComparisonMarkdown() {
    }

    static void append(StringBuilder out, LoadComparison load) {
        if (load.isEmpty()) {
            return;
        }
        String threshold = Figures.whole(Defaults.REGRESSION_THRESHOLD * 100) + " %";
        out.append("\n## Load levels\n\n");
        out.append("Levels are paired by cell, prompt, mode and load (concurrency for closed, target req/s for open),"
                + " not by position in the sweep. Rules (SPEC section 7, per level): achieved_rps or"
                + " output_tokens_per_sec at least ").append(threshold).append(" lower, or ttft_schedule_p50_ms"
                + " (first_delta_ms + send_lag_ms) or e2e_p50_ms at least ").append(threshold)
                .append(" slower: regression; success_rate of the current level below ")
                .append(Figures.rate(Defaults.MIN_SUCCESS_RATE)).append(": red flag; any of them at least ")
                .append(threshold).append(" better: improvement.\n");
        load.levels().stream().map(LoadLevelComparison::cellId).distinct().forEach(cell -> {
            out.append("\n### ").append(cell).append(" under load\n\n");
            MarkdownTable table = new MarkdownTable(COLUMNS).text(List.of("level", "metric", "verdict"));
            load.levels().stream().filter(l -> l.cellId().equals(cell))
                    .forEach(level -> level.metrics().forEach(metric -> table.row(row(level, metric))));
            table.appendTo(out);
        });
        unpaired("Load levels only in baseline", ONLY_IN_BASELINE_COLUMNS, load.onlyInBaseline(), out);
        unpaired("Load levels only in current", ONLY_IN_CURRENT_COLUMNS, load.onlyInCurrent(), out);
    }

    private static String[] row(LoadLevelComparison level, LoadMetricVerdict verdict) {
        return new String[] {level.promptId(), level.level().label(), verdict.metric().specName(),
                value(verdict.metric(), verdict.baseline()), value(verdict.metric(), verdict.current()),
                Figures.percentChange(verdict.change()), verdict.verdict().label(),
                Integer.toString(level.baseline().requests()), Integer.toString(level.current().requests())};
    }

    private static String value(LoadMetric metric, double value) {
        return switch (metric) {
            case ACHIEVED_RPS, SUCCESS_RATE -> Figures.rate(value);
            case OUTPUT_TOKENS_PER_SEC -> Figures.perSecond(value);
            case TTFT_SCHEDULE_P50_MS, E2E_P50_MS -> Figures.millis(value);
        };
    }

    private static void unpaired(String title, List<String> columns, List<UnpairedLevel> levels, StringBuilder out) {
        out.append("\n### ").append(title).append("\n\n");
        if (levels.isEmpty()) {
            out.append("none\n");
            return;
        }
        MarkdownTable table = new MarkdownTable(columns).text(columns);
        levels.forEach(l -> table.row(l.cellId(), l.promptId(), l.level().label(), l.otherRun()));
        table.appendTo(out);
    }
}
