package org.inferbench.export.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** SPEC section 7 at and around its thresholds; every expectation worked out by hand. */
class ThresholdsTest {

    @ParameterizedTest(name = "{0} ms -> {1} ms: {2}")
    @CsvSource({
            "100, 130,    REGRESSION",   // +30 % exactly: "at least 30 %" includes it
            "100, 129,    UNCHANGED",
            "100, 129.99, UNCHANGED",    // +29.99 %: close is not enough
            "100, 131,    REGRESSION",
            "100, 100,    UNCHANGED",
            "100, 71,     UNCHANGED",
            "100, 70,     IMPROVEMENT",  // -30 % exactly
            "100, 69,     IMPROVEMENT",
            "105, 136.5,  REGRESSION",   // +30 % from a p50 that is not a round number
            "157.5, 204.75, REGRESSION", // the same from an interpolated p50
            "157.5, 110.25, IMPROVEMENT",
            "10, 13,      REGRESSION",
            "10, 7,       IMPROVEMENT",
            "7, 9.1,      REGRESSION",   // (9.1 - 7) / 7 is 0.29999999999999993 in doubles
            "7, 4.9,      IMPROVEMENT",  // and this one -0.29999999999999993
            "33, 42.9,    REGRESSION"})
    void latencyIsARegressionFrom30PercentSlowerAndAnImprovementFrom30PercentFaster(double baseline, double current,
                                                                                   Verdict expected) {
        assertEquals(expected, Thresholds.verdict(Metric.FIRST_DELTA_MS_P50, baseline, current));
        assertEquals(expected, Thresholds.verdict(Metric.TOTAL_DURATION_MS_P50, baseline, current));
    }

    @ParameterizedTest(name = "{0} tokens/s -> {1} tokens/s: {2}")
    @CsvSource({
            "100, 70,  REGRESSION",   // -30 % exactly
            "100, 71,  UNCHANGED",
            "100, 69,  REGRESSION",
            "100, 130, IMPROVEMENT",  // +30 % exactly
            "100, 129, UNCHANGED",
            "100, 131, IMPROVEMENT",
            "7, 9.1,   IMPROVEMENT",  // (9.1 - 7) / 7 is 0.29999999999999993 in doubles
            "7, 4.9,   REGRESSION",   // and this one -0.29999999999999993
            "41.1, 28.77, REGRESSION",
            "41.1, 53.43, IMPROVEMENT", // 0.29999999999999993 again
            "41.1, 41.1, UNCHANGED"})
    void tokensPerSecondIsARegressionFrom30PercentLower(double baseline, double current, Verdict expected) {
        assertEquals(expected, Thresholds.verdict(Metric.TOKENS_PER_SEC_MEAN, baseline, current));
    }

    @Test
    void aChangeThatBinaryFloatingPointPutsJustUnderTheThresholdIsAtIt() {
        assertTrue((9.1 - 7) / 7 < 0.30, "the case this guards against");
        assertTrue((4.9 - 7) / 7 > -0.30, "and its mirror");
        assertEquals(0.30, Thresholds.change(7, 9.1));
        assertEquals(-0.30, Thresholds.change(7, 4.9));
        assertEquals(-0.30, Thresholds.change(100, 70));
        assertEquals(0.30, Thresholds.change(100, 130));
        assertEquals(0.29, Thresholds.change(100, 129), 1e-12);
    }

    @ParameterizedTest(name = "success rate {0} -> {1}: {2}")
    @CsvSource({
            "1.0,  0.95,  UNCHANGED",    // 19 of 20: exactly the minimum is not below it
            "1.0,  0.9473684210526315, RED_FLAG", // 18 of 19
            "1.0,  0.8,   RED_FLAG",     // 4 of 5: one failed call at N = 5
            "0.8,  0.8,   RED_FLAG",     // the current run's rate decides, not the change
            "0.5,  1.0,   IMPROVEMENT",  // +100 %
            "0.7,  0.95,  IMPROVEMENT",  // +35.7 %
            "0.75, 0.96,  UNCHANGED",    // +28 %
            "1.0,  1.0,   UNCHANGED",
            "0.0,  1.0,   NOT_COMPARABLE", // no relative change from zero
            "NaN,  1.0,   NOT_COMPARABLE", // no warm call in the baseline
            "NaN,  0.5,   RED_FLAG",       // the red flag needs the current run only
            "1.0,  NaN,   NOT_COMPARABLE"})
    void aCurrentSuccessRateBelow95PercentIsARedFlag(double baseline, double current, Verdict expected) {
        assertEquals(expected, Thresholds.verdict(Metric.SUCCESS_RATE, baseline, current));
    }

    @ParameterizedTest
    @EnumSource(value = Metric.class, names = {"FIRST_DELTA_MS_P50", "TOTAL_DURATION_MS_P50", "TOKENS_PER_SEC_MEAN"})
    void anUnknownValueOrAZeroBaselineIsNotComparable(Metric metric) {
        assertEquals(Verdict.NOT_COMPARABLE, Thresholds.verdict(metric, 0, 100));
        assertEquals(Verdict.NOT_COMPARABLE, Thresholds.verdict(metric, Double.NaN, 100));
        assertEquals(Verdict.NOT_COMPARABLE, Thresholds.verdict(metric, 100, Double.NaN));
        assertTrue(Double.isNaN(Thresholds.change(0, 100)));
    }

    @Test
    void onlyRegressionsAndRedFlagsAreFlags() {
        assertTrue(Verdict.REGRESSION.flagged());
        assertTrue(Verdict.RED_FLAG.flagged());
        assertEquals(false, Verdict.IMPROVEMENT.flagged() || Verdict.UNCHANGED.flagged()
                || Verdict.NOT_COMPARABLE.flagged());
    }
}
