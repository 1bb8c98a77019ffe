package org.inferbench.export.aggregate;

/**
 * One cell and one prompt (SPEC section 4).
 *
 * @param skipReason why the batch was not run; null when it was
 * @param cold       the cold call; null when the batch had none (skipped, or a cell without cold calls)
 * @param warm       the warm calls; {@code n == 0} when there were none
 */
public record BatchSummary(String cellId, String promptId, String skipReason, ColdSummary cold, WarmSummary warm) {

    public boolean skipped() {
        return skipReason != null;
    }
}
