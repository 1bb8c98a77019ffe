package org.inferbench.bench.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.inferbench.record.CallRecord;
import org.inferbench.record.Json;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.TextResult;

/**
 * Carries each finished call's ledger line from the benchmark fork to the host as it happens, so the
 * host appends it to the ledger at once and a run aborted at any point keeps every completed call.
 *
 * <p>The route is JMH's own: {@link CallRecordProfiler}, an internal profiler, runs in the fork after
 * every iteration and attaches a {@link TextResult} to the iteration's result; JMH ships that result
 * to the host's output format (over its binary link, or directly with {@code -f 0}).
 *
 * <p>The one static mutable field of the project lives here, deliberately: JMH gives a profiler no
 * handle on the benchmark's state objects, so the state hands the record over through this
 * single slot. One benchmark thread and one iteration at a time use it; the profiler clears it
 * before each iteration so a record can never be delivered twice.
 */
public final class CallRecordRelay {

    /** The label of the text result; it also names a (NaN) secondary metric in JMH's JSON. */
    public static final String LABEL = "call-record";

    private static final AtomicReference<String> SLOT = new AtomicReference<>();

    private CallRecordRelay() {
    }

    /** Fork side, from the benchmark state: the call of this iteration. */
    static void put(CallRecord record) {
        try {
            SLOT.set(Json.mapper().writeValueAsString(record));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fork side, from the profiler: forget anything not delivered. */
    static void clear() {
        SLOT.set(null);
    }

    /** Fork side, from the profiler: the record of the iteration that just ended, as a result JMH ships. */
    static Optional<TextResult> take() {
        return Optional.ofNullable(SLOT.getAndSet(null)).map(json -> new TextResult(json, LABEL));
    }

    /** Host side: the call record an iteration carried, if any (a loopback iteration carries none). */
    public static Optional<CallRecord> from(IterationResult iteration) {
        Collection<Result> results = iteration.getRawSecondaryResults().get(LABEL);
        if (results == null || results.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.mapper().readValue(results.iterator().next().extendedInfo(), CallRecord.class));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a call record from the fork is not valid JSON", e);
        }
    }

    /** Host side: whether a result is the relay's, to keep it out of the results file. */
    public static boolean isRelay(Result result) {
        return result instanceof TextResult && LABEL.equals(result.getLabel());
    }
}
