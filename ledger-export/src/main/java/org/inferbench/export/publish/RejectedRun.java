package org.inferbench.export.publish;

/**
 * A folder under {@code runs/} the catalogue left out, and why: one bad folder must not keep the
 * rest of the archive from being indexed.
 *
 * @param problem what is wrong, said as {@code path[:line]: what}
 */
public record RejectedRun(String folder, String problem) {

    @Override
    public String toString() {
        return problem;
    }
}
