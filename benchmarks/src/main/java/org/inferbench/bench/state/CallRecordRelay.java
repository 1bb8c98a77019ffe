package org.inferbench.bench.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.inferbench.record.CallRecord;
import org.inferbench.record.Json;
import org.inferbench.record.LedgerLine;
import org.inferbench.record.LevelRecord;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.TextResult;

/**
 * Carries each finished call's ledger line from the benchmark fork to the host as it happens, so the
 * host appends it to the ledger at once and a run aborted at any point keeps every completed call.
 *
 * <p>The route is JMH's own: {@link CallRecordProfiler}, an internal profiler, runs in the fork after
 * every iteration and attaches a {@link TextResult} to the iteration's result; JMH ships that result
 * to the host's output format (over its binary link, or directly with {@code -f 0}). An iteration of the
 * sequential matrix carries one call line; an iteration of a load run (one level) carries every call of
 * the level and then its level line, one JSON line each, in that order.
 *
 * <p>The one static mutable field of the project lives here, deliberately: JMH gives a profiler no
 * handle on the benchmark's state objects, so the state hands its lines over through this one
 * queue. The profiler clears it before each iteration so a line can never be delivered twice.
 */
public final class CallRecordRelay {

    /** The label of the text result; it also names a (NaN) secondary metric in JMH's JSON. */
    public static final String LABEL = "call-record";

    private static final ConcurrentLinkedQueue<String> LINES = new ConcurrentLinkedQueue<>();

    private CallRecordRelay() {
    }

    /** Fork side, from the benchmark state: a line of this iteration (calls may come from many threads). */
    static void put(LedgerLine line) {
        try {
            LINES.add(Json.mapper().writeValueAsString(line));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fork side, from the profiler: forget anything not delivered. */
    static void clear() {
        LINES.clear();
    }

    /** Fork side, from the profiler: the lines of the iteration that just ended, as one result JMH ships. */
    static Optional<TextResult> take() {
        StringBuilder text = new StringBuilder();
        for (String line = LINES.poll(); line != null; line = LINES.poll()) {
            text.append(text.length() == 0 ? "" : "\n").append(line);
        }
        return text.length() == 0 ? Optional.empty() : Optional.of(new TextResult(text.toString(), LABEL));
    }

    /** Host side: the lines an iteration carried, in order (a loopback iteration carries none). */
    public static List<LedgerLine> from(IterationResult iteration) {
        Collection<Result> results = iteration.getRawSecondaryResults().get(LABEL);
        if (results == null || results.isEmpty()) {
            return List.of();
        }
        List<LedgerLine> lines = new ArrayList<>();
        for (String json : results.iterator().next().extendedInfo().split("\n")) {
            try {
                JsonNode node = Json.mapper().readTree(json);
                Class<? extends LedgerLine> type = LevelRecord.TYPE.equals(node.path("type").asText())
                        ? LevelRecord.class : CallRecord.class;
                lines.add(Json.mapper().treeToValue(node, type));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException("a ledger line from the fork is not valid JSON", e);
            }
        }
        return lines;
    }


    /** Host side: whether a result is the relay's, to keep it out of the results file. */
    public static boolean isRelay(Result result) {
        return result instanceof TextResult && LABEL.equals(result.getLabel());
    }
}
