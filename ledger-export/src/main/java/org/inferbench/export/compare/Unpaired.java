package org.inferbench.export.compare;

/**
 * A batch measured in one run only: listed, so that nothing drops out of a comparison unseen.
 *
 * @param otherRun what the other run has instead: the cell missing, the prompt not run, the batch skipped
 */
public record Unpaired(String cellId, String promptId, String otherRun) {
}
