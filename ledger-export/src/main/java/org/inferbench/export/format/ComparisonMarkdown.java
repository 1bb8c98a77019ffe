package org.inferbench.export.format;

import static org.inferbench.export.format.Figures.text;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.inferbench.config.Defaults;
import org.inferbench.export.aggregate.RunSummary;
import org.inferbench.export.compare.BatchComparison;
import org.inferbench.export.compare.Comparison;
import org.inferbench.export.compare.MannWhitney;
import org.inferbench.export.compare.Metric;
import org.inferbench.export.compare.MetricVerdict;
import org.inferbench.export.compare.Unpaired;
import org.inferbench.export.compare.Verdict;
import org.inferbench.record.MetaRecord;

/**
 * A comparison as markdown: both runs' identities and the verdict counts; per cell, every prompt and metric
 * with both values, the change, the verdict and the rank test; the reruns SPEC section 7 asks for; the
 * batches only one run measured; the load levels, when a run has any ({@link LoadComparisonMarkdown}); what the
 * columns mean.
 *
 * <p>Like the baseline, the output depends on its arguments only (no clock, no locale), so the same runs
 * give the same bytes. Columns are a contract once shipped: new ones go at the end.
 */
public final class ComparisonMarkdown {

    static final List<String> COLUMNS = List.of("prompt", "metric", "baseline", "current", "change", "verdict",
            "p (Mann-Whitney U)", "signal or noise", "n baseline", "n current");
    static final List<String> ONLY_IN_BASELINE_COLUMNS = List.of("cell", "prompt", "current run");
    static final List<String> ONLY_IN_CURRENT_COLUMNS = List.of("cell", "prompt", "baseline run");

    private final Comparison comparison;
    private final StringBuilder out = new StringBuilder();

    private ComparisonMarkdown(Comparison comparison) {
        this.comparison = comparison;
    }

    /**
     * @param baselineName what to call the baseline's input (the file as given)
     * @param currentName  the same for the current run
     */
    public static String render(Comparison comparison, String baselineName, String currentName) {
        return new ComparisonMarkdown(comparison).render(baselineName, currentName);
    }

    private String render(String baselineName, String currentName) {
        out.append("# Comparison against a baseline\n\n");
        run("baseline", baselineName, comparison.baseline());
        run("current", currentName, comparison.current());
        out.append("- verdicts: ").append(Stream.of(Verdict.values())
                .map(v -> v.label() + " " + comparison.count(v)).collect(Collectors.joining(", "))).append('\n');
        out.append('\n').append(rules()).append('\n');
        cells();
        reruns();
        unpaired("Only in baseline", ONLY_IN_BASELINE_COLUMNS, comparison.onlyInBaseline());
        unpaired("Only in current", ONLY_IN_CURRENT_COLUMNS, comparison.onlyInCurrent());
        LoadComparisonMarkdown.append(out, comparison.load());
        notes();
        return out.toString();
    }

    private void run(String role, String name, RunSummary run) {
        out.append("- ").append(role).append(": ").append(name).append(", ").append(identity(run)).append('\n');
        run.unreliable().forEach(reason -> out.append("- ").append(role).append(" unreliable: ").append(reason)
                .append('\n'));
    }

    private static String identity(RunSummary run) {
        if (run.meta().isEmpty()) {
            return run.source().description() + ", run identity not recorded there";
        }
        MetaRecord meta = run.meta().get();
        return "run " + text(meta.benchmarkRunId()) + " (" + run.source().description() + ", started "
                + text(meta.startedAtUtc()) + " on " + text(meta.host()) + ", git " + text(meta.gitSha())
                + ", N = " + Figures.whole(meta.warmCalls()) + ")";
    }

    private static String rules() {
        String threshold = Figures.whole(Defaults.REGRESSION_THRESHOLD * 100) + " %";
        return "Rules (SPEC section 7): warm first_delta_ms p50 or total_duration_ms p50 at least " + threshold
                + " slower, or warm tokens_per_sec mean at least " + threshold + " lower: regression; "
                + "warm success_rate of the current run below " + Figures.rate(Defaults.MIN_SUCCESS_RATE)
                + ": red flag; any of them at least " + threshold + " better: improvement. A regression blocks "
                + "nothing by itself: it calls for a rerun with N = " + Defaults.INVESTIGATION_WARM_CALLS + ".";
    }

    /** One section per cell with a batch measured in both runs, in the comparison's order. */
    private void cells() {
        comparison.batches().stream().map(BatchComparison::cellId).distinct().forEach(cell -> {
            out.append("\n## ").append(cell).append("\n\n");
            MarkdownTable table = new MarkdownTable(COLUMNS).text(List.of("metric", "verdict", "signal or noise"));
            comparison.batches().stream().filter(b -> b.cellId().equals(cell))
                    .forEach(batch -> batch.metrics().forEach(metric -> table.row(row(batch, metric))));
            table.appendTo(out);
        });
    }

    private static String[] row(BatchComparison batch, MetricVerdict verdict) {
        return new String[] {batch.promptId(), verdict.metric().specName(), value(verdict.metric(), verdict.baseline()),
                value(verdict.metric(), verdict.current()), Figures.percentChange(verdict.change()),
                verdict.verdict().label(),
                verdict.test().map(test -> Figures.probability(test.pValue())).orElse(Figures.UNKNOWN),
                verdict.test().map(ComparisonMarkdown::reading).orElse(Figures.UNKNOWN),
                Integer.toString(batch.baselineCalls()), Integer.toString(batch.currentCalls())};
    }

    private static String value(Metric metric, double value) {
        return switch (metric) {
            case FIRST_DELTA_MS_P50, TOTAL_DURATION_MS_P50 -> Figures.whole(value);
            case SUCCESS_RATE -> Figures.rate(value);
            case TOKENS_PER_SEC_MEAN -> Figures.perSecond(value);
        };
    }

    private static String reading(MannWhitney test) {
        return test.signal() ? "signal" : "noise?";
    }

    private void reruns() {
        List<BatchComparison> reruns = comparison.batches().stream().filter(BatchComparison::rerunSuggested).toList();
        if (reruns.isEmpty()) {
            return;
        }
        out.append("\n## Reruns suggested\n\n");
        out.append("A regression or red flag over fewer than ").append(Defaults.INVESTIGATION_WARM_CALLS)
                .append(" warm calls a side can be a load-day blip: rerun the batch with N = ")
                .append(Defaults.INVESTIGATION_WARM_CALLS).append(" before acting on it.\n\n");
        for (BatchComparison batch : reruns) {
            out.append("- ").append(batch.cellId()).append(", ").append(batch.promptId()).append(" (n = ")
                    .append(batch.baselineCalls()).append(" baseline, ").append(batch.currentCalls())
                    .append(" current): `").append(rerun(batch)).append("`\n");
        }
    }

    /** The benchmarks.jar command that reruns one batch with the investigation N. */
    static String rerun(BatchComparison batch) {
        return "java -jar benchmarks/target/benchmarks.jar -p cell=" + batch.cellId() + " -p prompt="
                + batch.promptId() + " -i " + Defaults.INVESTIGATION_WARM_CALLS;
    }

    /** Batches one run measured, with what the other has instead (its column). */
    private void unpaired(String title, List<String> columns, List<Unpaired> batches) {
        out.append("\n## ").append(title).append("\n\n");
        if (batches.isEmpty()) {
            out.append("none\n");
            return;
        }
        MarkdownTable table = new MarkdownTable(columns).text(columns);
        batches.forEach(b -> table.row(b.cellId(), b.promptId(), b.otherRun()));
        table.appendTo(out);
    }

    private void notes() {
        out.append("\n---\n\n");
        out.append("change: (current - baseline) / baseline, truncated toward zero, so that a shown ")
                .append(Figures.percentChange(Defaults.REGRESSION_THRESHOLD)).append(" or ")
                .append(Figures.percentChange(-Defaults.REGRESSION_THRESHOLD))
                .append(" is at the threshold or past it; n/a when a value is unknown or the baseline is 0.\n\n");
        out.append("p: two-sided Mann-Whitney U test on the two runs' warm calls (normal approximation, no tie "
                + "correction: a hint, not a verdict); signal when p < ").append(Figures.rate(Defaults.SIGNIFICANCE_LEVEL))
                .append(", noise? otherwise; n/a for the success rate, which is one number per batch.\n");
    }
}
