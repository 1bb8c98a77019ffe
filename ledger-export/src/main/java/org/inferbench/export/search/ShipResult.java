package org.inferbench.export.search;

import java.util.Locale;

/**
 * What shipping one ledger did.
 *
 * @param runId    its {@code benchmark_run_id}
 * @param index    the index its documents went to
 * @param shipped  documents the store accepted
 * @param rejected documents it did not (each already reported by line)
 * @param stopped  why shipping stopped before the end of the ledger (the store refused a request whole), or null
 */
public record ShipResult(String file, String runId, String index, long shipped, long rejected, String stopped) {

    /** Everything shipped. */
    public boolean complete() {
        return rejected == 0 && stopped == null;
    }

    /** The summary line: {@code file: run R: N documents shipped to INDEX, M not shipped}. */
    public String summary() {
        String line = String.format(Locale.ROOT, "%s: run %s: %d documents shipped to %s", file, runId, shipped,
                index);
        if (rejected > 0) {
            line += String.format(Locale.ROOT, ", %d not shipped (listed above; a rerun ships them once the cause "
                    + "is gone)", rejected);
        }
        if (stopped != null) {
            line += "; stopped: " + stopped + " (a rerun ships the rest)";
        }
        return line;
    }
}
