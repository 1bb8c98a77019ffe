package org.inferbench.export.compare;

import java.util.Optional;

/**
 * One metric of one batch in both runs.
 *
 * @param baseline the statistic in the baseline run; NaN when unknown
 * @param current  the same in the current run
 * @param change   {@code (current - baseline) / baseline} (0.30 is 30 % more); NaN when not comparable
 * @param test     the rank test on the calls' values; empty for the success rate, or when a side has none
 */
public record MetricVerdict(Metric metric, double baseline, double current, double change, Verdict verdict,
                            Optional<MannWhitney> test) {
}
