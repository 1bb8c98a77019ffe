package org.inferbench.export.publish;

import java.util.List;

/** Publishing refused: the gate found leaks in what would have been written. Nothing was. */
public final class LeakFoundException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<Finding> findings;

    public LeakFoundException(List<Finding> findings) {
        super(findings.size() + (findings.size() == 1 ? " leak" : " leaks") + " found; nothing was published");
        this.findings = List.copyOf(findings);
    }

    /** Sorted, each printed as {@code path:line: what}. */
    public List<Finding> findings() {
        return findings;
    }
}
