package org.inferbench.export.compare;

import java.util.Optional;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.inferbench.config.Defaults;

/**
 * A two-sided Mann-Whitney U test between the two runs' warm values of one metric of one batch: does the
 * current run's distribution sit apart from the baseline's, or could the move be a load-day blip?
 *
 * <p>Commons Math3's {@link MannWhitneyUTest} takes p from the normal approximation of U, without a
 * continuity or tie correction. With 5 calls a side that is rough (the exact test would differ in the second
 * digit), which is fine for what it is here: a hint printed beside the 30 % rule, never a verdict.
 *
 * @param pValue the probability of a U at least this extreme if both runs' calls came from one distribution
 */
public record MannWhitney(double pValue, int baselineSamples, int currentSamples) {

    /** Empty when either side has no value: there is nothing to rank. */
    static Optional<MannWhitney> test(double[] baseline, double[] current) {
        if (baseline.length == 0 || current.length == 0) {
            return Optional.empty();
        }
        double p = new MannWhitneyUTest().mannWhitneyUTest(baseline, current);
        return Optional.of(new MannWhitney(p, baseline.length, current.length));
    }

    /** The move is unlikely to be noise: p below {@link Defaults#SIGNIFICANCE_LEVEL}. */
    public boolean signal() {
        return pValue < Defaults.SIGNIFICANCE_LEVEL;
    }
}
