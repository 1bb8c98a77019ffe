package org.inferbench.record;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A call that was not made, one line per prompt the cell would have run (SPEC section 2), so an
 * unavailable cell is recorded, never silently dropped. {@code phase} is always {@code skipped}.
 *
 * @param routed true when the batch not run is the routed one (mode B, SPEC section 12: a cell's routed batches
 *               are skipped when its gateway variable is unset, while its direct ones run); null, and absent from
 *               the line, otherwise
 */
@JsonPropertyOrder({"type", "cell_id", "prompt_id", "phase", "reason", "routed"})
public record SkippedRecord(
        @JsonProperty("type") String type,
        @JsonProperty("cell_id") String cellId,
        @JsonProperty("prompt_id") String promptId,
        @JsonProperty("phase") Phase phase,
        @JsonProperty("reason") String reason,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("routed") Boolean routed) implements LedgerLine {

    /** How the first harness (version "1") wrote the reason: in {@code error}, after this prefix. */
    static final String V1_ERROR_PREFIX = "skipped: ";

    public static SkippedRecord of(String cellId, String promptId, String reason) {
        return new SkippedRecord(CallRecord.TYPE, cellId, promptId, Phase.SKIPPED, reason, null);
    }

    /** This line as the routed batch's (mode B). */
    public SkippedRecord asRouted() {
        return new SkippedRecord(type, cellId, promptId, phase, reason, Boolean.TRUE);
    }

    /** True when the batch not run is the routed one. */
    public boolean isRouted() {
        return Boolean.TRUE.equals(routed);
    }

    /**
     * Reads this harness's shape ({@code reason}) and the first harness's ({@code error: "skipped: <reason>"}
     * beside the thirteen contract fields, all null), so months of existing ledgers read as they are.
     */
    @JsonCreator
    static SkippedRecord read(@JsonProperty("type") String type, @JsonProperty("cell_id") String cellId,
                              @JsonProperty("prompt_id") String promptId, @JsonProperty("phase") Phase phase,
                              @JsonProperty("reason") String reason, @JsonProperty("error") String error,
                              @JsonProperty("routed") Boolean routed) {
        String why = reason;
        if (why == null && error != null) {
            why = error.startsWith(V1_ERROR_PREFIX) ? error.substring(V1_ERROR_PREFIX.length()) : error;
        }
        return new SkippedRecord(type, cellId, promptId, phase, why, Boolean.TRUE.equals(routed) ? Boolean.TRUE : null);
    }
}
