package org.inferbench.load;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.inferbench.record.CallRecord;
import org.inferbench.record.Percentiles;

/**
 * A percentile over a level's calls that did not fail (SPEC section 2: failed calls stay out of percentiles), of one
 * figure per call; the fork's level counters and the host's level line both take theirs here.
 */
public final class CallPercentiles {

    /** Time to first token from the actual send. */
    public static final Function<CallRecord, Double> TTFT_FROM_SEND = call -> toDouble(call.firstDeltaMs());
    /** Time to first token from the schedule ({@link Slo#ttftFromSchedule}). */
    public static final Function<CallRecord, Double> TTFT_FROM_SCHEDULE = Slo::ttftFromSchedule;
    /** Request sent to the last event. */
    public static final Function<CallRecord, Double> END_TO_END = call -> toDouble(call.totalDurationMs());

    private CallPercentiles() {
    }

    /** @return the type-7 percentile {@code p} in [0, 1], or null when no call that did not fail has the figure */
    public static Double of(List<CallRecord> calls, Function<CallRecord, Double> figure, double p) {
        double[] values = calls.stream().filter(c -> !c.failed()).map(figure).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).toArray();
        return values.length == 0 ? null : Percentiles.type7(values, p);
    }

    private static Double toDouble(Long value) {
        return value == null ? null : value.doubleValue();
    }
}
