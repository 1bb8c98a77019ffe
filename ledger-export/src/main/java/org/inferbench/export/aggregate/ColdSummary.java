package org.inferbench.export.aggregate;

import org.inferbench.record.CallRecord;
import org.inferbench.record.ColdKind;

/**
 * A batch's cold call, as recorded (SPEC section 4: {@code cold.first_delta_ms}, {@code cold.total_duration_ms}).
 * Unknown values are null.
 *
 * @param coldKind what "cold" meant for the engine; null when not recorded (JMH results do not carry it)
 * @param error    why the call failed; null when it did not
 */
public record ColdSummary(Long firstDeltaMs, Long totalDurationMs, Integer completionTokens, Double tokensPerSec,
                          ColdKind coldKind, String error) {

    static ColdSummary of(CallRecord call) {
        return new ColdSummary(call.firstDeltaMs(), call.totalDurationMs(), call.completionTokens(),
                call.tokensPerSec(), call.coldKind(), call.error());
    }
}
