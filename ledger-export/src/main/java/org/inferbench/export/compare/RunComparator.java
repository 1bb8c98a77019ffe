package org.inferbench.export.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.inferbench.export.aggregate.BatchSummary;
import org.inferbench.export.aggregate.CellSummary;
import org.inferbench.export.aggregate.RunSummary;
import org.inferbench.export.aggregate.WarmSummary;

/**
 * Pairs two runs' batches and judges each pair by SPEC section 7. No I/O.
 *
 * <p>A batch counts as measured when it was not skipped. Batches measured in both runs are compared;
 * those measured in one are listed as unpaired, with what the other run has instead; those measured in
 * neither have nothing to compare and nothing to lose, and are left out. Order, which makes the report
 * deterministic: cells as the baseline lists them, then the current run's new cells; prompts likewise.
 * Load levels are paired apart from the batches, by {@link LoadComparator}.
 */
public final class RunComparator {

    private RunComparator() {
    }

    public static Comparison compare(RunSummary baseline, RunSummary current) {
        Map<String, Map<String, BatchSummary>> baselineBatches = index(baseline);
        Map<String, Map<String, BatchSummary>> currentBatches = index(current);
        Set<String> cells = new LinkedHashSet<>(baselineBatches.keySet());
        cells.addAll(currentBatches.keySet());
        Set<String> prompts = new LinkedHashSet<>(baseline.prompts());
        prompts.addAll(current.prompts());

        List<BatchComparison> compared = new ArrayList<>();
        List<Unpaired> onlyInBaseline = new ArrayList<>();
        List<Unpaired> onlyInCurrent = new ArrayList<>();
        for (String cell : cells) {
            for (String prompt : prompts) {
                BatchSummary before = measured(baselineBatches, cell, prompt);
                BatchSummary after = measured(currentBatches, cell, prompt);
                if (before != null && after != null) {
                    compared.add(compare(before, after));
                } else if (before != null) {
                    onlyInBaseline.add(new Unpaired(cell, prompt, instead(currentBatches, cell, prompt)));
                } else if (after != null) {
                    onlyInCurrent.add(new Unpaired(cell, prompt, instead(baselineBatches, cell, prompt)));
                }
            }
        }
        return new Comparison(baseline, current, compared, onlyInBaseline, onlyInCurrent,
                LoadComparator.compare(baseline, current));
    }

    private static BatchComparison compare(BatchSummary baseline, BatchSummary current) {
        List<MetricVerdict> verdicts = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            verdicts.add(judge(metric, baseline.warm(), current.warm()));
        }
        return new BatchComparison(baseline.cellId(), baseline.promptId(), baseline.warm().n(), current.warm().n(),
                verdicts);
    }

    static MetricVerdict judge(Metric metric, WarmSummary baseline, WarmSummary current) {
        double before = metric.value(baseline);
        double after = metric.value(current);
        return new MetricVerdict(metric, before, after, Thresholds.change(before, after),
                Thresholds.verdict(metric, before, after), rankTest(metric, baseline, current));
    }

    private static Optional<MannWhitney> rankTest(Metric metric, WarmSummary baseline, WarmSummary current) {
        Optional<double[]> before = metric.values(baseline);
        Optional<double[]> after = metric.values(current);
        return before.isEmpty() || after.isEmpty() ? Optional.empty() : MannWhitney.test(before.get(), after.get());
    }

    /** cell id → prompt id → batch, in the run's order. */
    private static Map<String, Map<String, BatchSummary>> index(RunSummary run) {
        Map<String, Map<String, BatchSummary>> cells = new LinkedHashMap<>();
        for (CellSummary cell : run.cells()) {
            Map<String, BatchSummary> batches = new LinkedHashMap<>();
            cell.batches().forEach(batch -> batches.put(batch.promptId(), batch));
            cells.put(cell.cellId(), batches);
        }
        return cells;
    }

    private static BatchSummary measured(Map<String, Map<String, BatchSummary>> run, String cell, String prompt) {
        BatchSummary batch = run.getOrDefault(cell, Map.of()).get(prompt);
        return batch == null || batch.skipped() ? null : batch;
    }

    /** What a run has where the other measured {@code cell} x {@code prompt}. */
    private static String instead(Map<String, Map<String, BatchSummary>> run, String cell, String prompt) {
        if (!run.containsKey(cell)) {
            return "cell not in the run";
        }
        BatchSummary batch = run.get(cell).get(prompt);
        if (batch != null) {
            return "skipped: " + batch.skipReason();
        }
        return run.get(cell).isEmpty() ? "cell planned, no calls recorded" : "prompt not run on this cell";
    }
}
