package org.inferbench.export.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.inferbench.export.aggregate.LoadLevelSummary;
import org.inferbench.export.aggregate.RunVisitor;
import org.inferbench.ledger.LedgerWarning;
import org.inferbench.record.CallRecord;
import org.inferbench.record.Json;
import org.inferbench.record.Phase;
import org.inferbench.record.ResultNames;

/**
 * Rebuilds the calls of a run from JMH's {@code -rf json} results, so they aggregate exactly as a ledger's.
 *
 * <p>A result belongs to the cell x prompt matrix when it has the parameters {@code cell} and
 * {@code prompt}; other results (a loopback baseline, say) are not calls and are passed over. Its
 * {@code primaryMetric.rawData} holds one array per fork, one value per measurement iteration, and each
 * secondary metric below has the same shape, one value per call:
 * {@code first_delta_ms}, {@code total_duration_ms}, {@code prompt_tokens}, {@code completion_tokens},
 * {@code error} (1 = the call failed) and {@code cold} (1 = the cold call of the batch). {@code error} and
 * {@code cold} are required; a missing measure is unknown, as is a value JMH wrote as {@code "NaN"}.
 * Warm calls are numbered in iteration order across forks.
 *
 * <p>A load benchmark's result ({@code LoadBenchmark.level}) is not calls but load levels, one per iteration,
 * read by {@link JmhLoadLevels}; one without any load level counter is passed over with a warning.
 *
 * <p>What JMH results cannot carry (the run's identity, the error text, the finish reason, the cold kind)
 * stays null, except that a failed call gets {@value #ERROR} and the finish reason {@code error}.
 */
public final class JmhResultsReader {

    /** The error text of a call JMH results say failed: they only say that it did. */
    public static final String ERROR = "failed (from JMH results)";

    private static final List<String> REQUIRED_METRICS = List.of("cold", "error");
    private static final List<String> METRICS = ResultNames.CALL_COUNTERS;

    private JmhResultsReader() {
    }

    /**
     * Reads the results array one result at a time, so that a warning can name the line a result starts on, and
     * sends its calls, and its load levels already summarized, to {@code visitor}. The size is bounded by the
     * caller ({@link InputLimits#JMH_RESULTS_BYTES}).
     */
    public static void read(InputStream in, String source, RunVisitor visitor) throws IOException {
        try (JsonParser parser = Json.mapper().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new InputFormatException(source, "JMH results JSON is an array of results");
            }
            int index = 0;
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == null) {
                    throw new InputFormatException(source, "malformed JMH results JSON: the array of results does "
                            + "not end (line " + parser.currentLocation().getLineNr() + ")");
                }
                int line = parser.currentTokenLocation().getLineNr();
                JsonNode result = parser.readValueAsTree();
                readResult(result, "result " + (++index), line, source, visitor);
            }
        } catch (JsonProcessingException e) {
            throw new InputFormatException(source, "malformed JMH results JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ")", e);
        }
    }

    private static void readResult(JsonNode result, String where, int line, String source, RunVisitor visitor)
            throws InputFormatException {
        if (result == null || !result.has("benchmark") || !result.has("primaryMetric")) {
            throw new InputFormatException(source,
                    where + " is not a JMH result (no \"benchmark\" or \"primaryMetric\")");
        }
        String cell = result.path("params").path(ResultNames.CELL).asText(null);
        String prompt = result.path("params").path(ResultNames.PROMPT).asText(null);
        boolean routed = ResultNames.ROUTE_ROUTED.equals(result.path("params").path(ResultNames.ROUTE).asText(null));
        if (cell == null || prompt == null) {
            return;
        }
        String named = where + " (" + result.get("benchmark").asText() + ", cell=" + cell + ", prompt=" + prompt
                + ")";
        if (JmhLoadLevels.isLoadResult(result)) {
            List<LoadLevelSummary> levels = JmhLoadLevels.read(result, cell, prompt, routed, named, source);
            if (levels.isEmpty()) {
                visitor.warning(new LedgerWarning(source, line, LedgerWarning.Kind.UNKNOWN, named + ": no load level "
                        + "counter (" + String.join(", ", JmhLoadLevels.COUNTERS) + "); passed over"));
            }
            levels.forEach(visitor::summarizedLevel);
            return;
        }
        JsonNode shape = result.path("primaryMetric").path("rawData");
        Map<String, JsonNode> metrics = secondaryMetrics(result, shape, named, source);
        int warmIdx = 0;
        for (int fork = 0; fork < shape.size(); fork++) {
            for (int iteration = 0; iteration < shape.get(fork).size(); iteration++) {
                Call call = new Call(metrics, fork, iteration);
                boolean cold = call.flag("cold");
                visitor.call(call.record(cell, prompt, cold ? Phase.COLD : Phase.WARM, cold ? 0 : warmIdx++, routed));
            }
        }
    }

    /** Each metric's rawData by name (a missing node for an absent optional one), checked against {@code shape}. */
    private static Map<String, JsonNode> secondaryMetrics(JsonNode result, JsonNode shape, String named, String source)
            throws InputFormatException {
        Map<String, JsonNode> metrics = new LinkedHashMap<>();
        for (String name : METRICS) {
            JsonNode raw = result.path("secondaryMetrics").path(name).path("rawData");
            if (raw.isMissingNode() && REQUIRED_METRICS.contains(name)) {
                throw new InputFormatException(source, named + ": no secondary metric '" + name
                        + "' (aggregate reads the results of the matrix benchmark, which records it)");
            }
            if (!raw.isMissingNode() && !sameShape(shape, raw)) {
                throw new InputFormatException(source, named + ": secondary metric '" + name
                        + "' does not have one value per measurement iteration");
            }
            metrics.put(name, raw);
        }
        return metrics;
    }

    static boolean sameShape(JsonNode shape, JsonNode raw) {
        if (!raw.isArray() || raw.size() != shape.size()) {
            return false;
        }
        for (int fork = 0; fork < shape.size(); fork++) {
            if (!raw.get(fork).isArray() || raw.get(fork).size() != shape.get(fork).size()) {
                return false;
            }
        }
        return true;
    }

    /** One iteration's values across the metrics. */
    private record Call(Map<String, JsonNode> metrics, int fork, int iteration) {

        /** @param routed the benchmark ran with {@code -p route=routed}: through the routing gateway (mode B) */
        CallRecord record(String cell, String prompt, Phase phase, int runIdx, boolean routed) {
            Long firstDeltaMs = whole("first_delta_ms");
            Long totalDurationMs = whole("total_duration_ms");
            Long completionTokens = whole("completion_tokens");
            Long promptTokens = whole("prompt_tokens");
            Integer completion = completionTokens == null ? null : completionTokens.intValue();
            boolean failed = flag("error");
            return CallRecord.builder(cell, prompt, phase, runIdx).firstDeltaMs(firstDeltaMs)
                    .totalDurationMs(totalDurationMs).promptTokens(promptTokens == null ? null : promptTokens.intValue())
                    .completionTokens(completion)
                    .tokensPerSec(CallRecord.tokensPerSec(completion, firstDeltaMs, totalDurationMs))
                    .finishReason(failed ? CallRecord.FINISH_ERROR : null).error(failed ? ERROR : null)
                    .routed(routed ? Boolean.TRUE : null).build();
        }

        boolean flag(String metric) {
            Double value = value(metric);
            return value != null && value == 1.0;
        }

        /** The value rounded to a whole number (the harness records milliseconds and tokens as integers). */
        Long whole(String metric) {
            Double value = value(metric);
            return value == null ? null : Math.round(value);
        }

        /** Null when the metric is absent or the value is not a finite number (JMH writes NaN as "NaN"). */
        Double value(String metric) {
            JsonNode raw = metrics.get(metric);
            if (raw == null || raw.isMissingNode()) {
                return null;
            }
            JsonNode node = raw.get(fork).get(iteration);
            double value = node.isNumber() ? node.doubleValue() : Double.NaN;
            return Double.isFinite(value) ? value : null;
        }
    }
}
