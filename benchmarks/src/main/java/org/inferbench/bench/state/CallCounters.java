package org.inferbench.bench.state;

import org.inferbench.record.CallRecord;
import org.inferbench.record.Phase;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Each call's own numbers, as JMH secondary metrics: in {@code -rf json} every field below is a
 * {@code secondaryMetrics.<name>.rawData} lined up value for value with {@code primaryMetric.rawData},
 * so the aggregator can rebuild the baseline from the JSON alone. The names are a contract with it.
 *
 * <p>Why {@link AuxCounters.Type#EVENTS}: in single-shot mode JMH silently drops
 * {@code OPERATIONS} counters. Their {@code score} is the sum over the iterations and means nothing
 * here; only {@code rawData} counts. Why every field is set on every call: JMH zeroes the counters
 * itself just before each iteration, after {@code @Setup}, so a field left alone reads 0 (a fake
 * "zero tokens"); unknown values are NaN (written {@code "NaN"}).
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class CallCounters {

    // Public fields named as in the ledger: JMH reads them by reflection-generated code.
    public double first_delta_ms;
    public double total_duration_ms;
    public double completion_tokens;
    public double prompt_tokens;
    /** 1 when the call failed, else 0. */
    public double error;
    /** 1 for the batch's cold call, else 0. */
    public double cold;

    /** Sets every counter from the call (NaN where the call did not tell). */
    public void record(CallRecord call) {
        first_delta_ms = orNaN(call.firstDeltaMs());
        total_duration_ms = orNaN(call.totalDurationMs());
        completion_tokens = orNaN(call.completionTokens());
        prompt_tokens = orNaN(call.promptTokens());
        error = call.failed() ? 1 : 0;
        cold = call.phase() == Phase.COLD ? 1 : 0;
    }

    private static double orNaN(Number value) {
        return value == null ? Double.NaN : value.doubleValue();
    }
}
