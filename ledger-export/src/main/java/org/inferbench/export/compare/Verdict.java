package org.inferbench.export.compare;

/** What SPEC section 7 says of one metric of one batch, current run against baseline. */
public enum Verdict {
    /** At least 30 % worse: the batch should be rerun with N = 20 (it blocks nothing by itself). */
    REGRESSION("regression"),
    /** The current run's warm success rate is below 0.95: investigate before publishing. */
    RED_FLAG("red flag"),
    /** At least 30 % better. */
    IMPROVEMENT("improvement"),
    UNCHANGED("unchanged"),
    /** A value is unknown (no warm call succeeded, say) or the baseline is 0: there is no change to judge. */
    NOT_COMPARABLE("n/a");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    /** The word reports print. */
    public String label() {
        return label;
    }

    /** A regression or a red flag: what {@code --fail-on-regression} fails on. */
    public boolean flagged() {
        return this == REGRESSION || this == RED_FLAG;
    }
}
