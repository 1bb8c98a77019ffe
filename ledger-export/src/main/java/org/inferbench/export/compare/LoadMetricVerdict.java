package org.inferbench.export.compare;

/**
 * One metric of one load level in both runs.
 *
 * @param baseline the statistic in the baseline run; NaN when unknown
 * @param current  the same in the current run
 * @param change   {@code (current - baseline) / baseline}; NaN when not comparable
 */
public record LoadMetricVerdict(LoadMetric metric, double baseline, double current, double change, Verdict verdict) {

    static LoadMetricVerdict judge(LoadMetric metric, double baseline, double current) {
        return new LoadMetricVerdict(metric, baseline, current, Thresholds.change(baseline, current),
                Thresholds.verdict(metric, baseline, current));
    }
}
