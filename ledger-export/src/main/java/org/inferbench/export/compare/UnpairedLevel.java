package org.inferbench.export.compare;

/**
 * A load level run in one run only: listed, so that nothing drops out of a comparison unseen.
 *
 * @param otherRun what the other run has instead: no load on the cell, none with the prompt, other levels
 */
public record UnpairedLevel(String cellId, String promptId, LevelIdentity level, String otherRun) {
}
