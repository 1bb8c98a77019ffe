package org.inferbench.export.compare;

/**
 * A statistic SPEC section 7 judges, whatever it is taken over: a sequential batch's warm calls ({@link Metric})
 * or a load level's calls ({@link LoadMetric}). {@link Thresholds} judges both through this, so the 30 % rule and
 * the 0.95 floor live in one place.
 */
public interface Measure {

    /** The name reports print. */
    String specName();

    Metric.Better better();

    /** A success rate: below the floor it is a red flag, whatever the baseline was. */
    boolean successRate();
}
