package org.inferbench.export.aggregate;

/** Where the calls of a summary came from. */
public enum RunSource {
    /** A ledger: the meta record and every call, as the harness wrote them. */
    LEDGER("ledger"),
    /** JMH's {@code -rf json} results: the calls' numbers are there, the run's identity is not. */
    JMH_RESULTS("JMH results JSON");

    private final String description;

    RunSource(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
