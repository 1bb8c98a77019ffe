package org.inferbench.record;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A call that was not made, one line per prompt the cell would have run (SPEC section 2), so an
 * unavailable cell is recorded, never silently dropped. {@code phase} is always {@code skipped}.
 */
@JsonPropertyOrder({"type", "cell_id", "prompt_id", "phase", "reason"})
public record SkippedRecord(
        @JsonProperty("type") String type,
        @JsonProperty("cell_id") String cellId,
        @JsonProperty("prompt_id") String promptId,
        @JsonProperty("phase") Phase phase,
        @JsonProperty("reason") String reason) implements LedgerLine {

    public static SkippedRecord of(String cellId, String promptId, String reason) {
        return new SkippedRecord(CallRecord.TYPE, cellId, promptId, Phase.SKIPPED, reason);
    }
}
