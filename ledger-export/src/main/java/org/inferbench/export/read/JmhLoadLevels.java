package org.inferbench.export.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.inferbench.export.aggregate.LoadLevelSummary;
import org.inferbench.export.aggregate.LoadLevelSummary.Tail;
import org.inferbench.load.LevelSummary;
import org.inferbench.record.LoadMode;
import org.inferbench.record.ResultNames;

/**
 * The load levels of one {@code LoadBenchmark.level} result of JMH's {@code -rf json} (issue Load). One measurement
 * iteration is one level of the sweep, and the benchmark's aux counters carry that level's numbers, one value per
 * iteration in {@code secondaryMetrics.<name>.rawData}, NaN (written {@code "NaN"}) when unknown. JMH results hold
 * no calls, so these are the level's summary as the harness computed it, not something to aggregate again.
 *
 * <p>What the counters do not carry (TPOT, ITL, the p95 from the schedule and of end to end, goodput, the
 * harness's CPU, whether the rate fell short, why a level stopped) stays null: the report shows n/a. In a closed
 * loop there is no schedule, so TTFT from the schedule is TTFT from the send, as a ledger's aggregation has it.
 */
final class JmhLoadLevels {

    /** The counter names, the contract with the benchmark's aux counters ({@link ResultNames#LEVEL_COUNTERS}). */
    static final List<String> COUNTERS = ResultNames.LEVEL_COUNTERS;

    /** {@code load_mode}'s values: the benchmark writes 0 for closed and 1 for open. */
    private static final double CLOSED = 0;
    private static final double OPEN = 1;

    private JmhLoadLevels() {
    }

    static boolean isLoadResult(JsonNode result) {
        return ResultNames.LOAD_BENCHMARK.equals(result.path("benchmark").asText(""));
    }

    /**
     * The result's levels in iteration order (forks one after the other); empty when it has none of the counters
     * (a benchmark from before they were added), which the caller reports and passes over.
     *
     * @throws InputFormatException when a counter does not have one value per measurement iteration
     */
    static List<LoadLevelSummary> read(JsonNode result, String cell, String prompt, boolean routed, String named,
                                       String source)
            throws InputFormatException {
        JsonNode shape = result.path("primaryMetric").path("rawData");
        Map<String, JsonNode> counters = new LinkedHashMap<>();
        for (String name : COUNTERS) {
            JsonNode raw = result.path("secondaryMetrics").path(name).path("rawData");
            if (raw.isMissingNode()) {
                continue;
            }
            if (!JmhResultsReader.sameShape(shape, raw)) {
                throw new InputFormatException(source, named + ": secondary metric '" + name
                        + "' does not have one value per measurement iteration (one per load level)");
            }
            counters.put(name, raw);
        }
        List<LoadLevelSummary> levels = new ArrayList<>();
        if (counters.isEmpty()) {
            return levels;
        }
        for (int fork = 0; fork < shape.size(); fork++) {
            for (int iteration = 0; iteration < shape.get(fork).size(); iteration++) {
                levels.add(new Level(counters, fork, iteration).summary(cell, prompt, levels.size(), routed));
            }
        }
        return levels;
    }

    /** One iteration's values across the counters. */
    private record Level(Map<String, JsonNode> counters, int fork, int iteration) {

        LoadLevelSummary summary(String cell, String prompt, int position, boolean routed) {
            LoadMode mode = mode();
            Tail send = new Tail(value("ttft_p50_ms"), value("ttft_p95_ms"), value("ttft_p99_ms"));
            Tail schedule = new Tail(value("ttft_schedule_p50_ms"), null, value("ttft_schedule_p99_ms"));
            if (mode == LoadMode.CLOSED && schedule.p50() == null && schedule.p99() == null) {
                schedule = send;
            }
            Tail unknown = new Tail(null, null, null);
            Long wallMs = whole("wall_ms");
            Long requests = whole("requests");
            Long errors = whole("errors");
            Long levelIdx = whole("level_idx");
            Long concurrency = whole("concurrency");
            return new LoadLevelSummary(cell, prompt, levelIdx == null ? position : levelIdx.intValue(), mode,
                    concurrency == null ? null : concurrency.intValue(), value("target_rate"),
                    requests == null ? 0 : requests.intValue(), errors == null ? 0 : errors.intValue(),
                    value("achieved_rps"), mode == LoadMode.OPEN && value("target_rate") != null
                            ? LevelSummary.rateShort(value("achieved_rps"), value("target_rate")) : null,
                    value("output_tokens_per_sec"), wallMs, null, null,
                    send, schedule, unknown, unknown, new Tail(value("e2e_p50_ms"), null, value("e2e_p99_ms")),
                    null, null, routed);
        }

        private LoadMode mode() {
            Double mode = value("load_mode");
            if (mode == null) {
                return null;
            }
            return mode == CLOSED ? LoadMode.CLOSED : mode == OPEN ? LoadMode.OPEN : null;
        }

        private Long whole(String counter) {
            Double value = value(counter);
            return value == null ? null : Math.round(value);
        }

        /** Null when the counter is absent or the value is not a finite number. */
        private Double value(String counter) {
            JsonNode raw = counters.get(counter);
            if (raw == null) {
                return null;
            }
            JsonNode node = raw.get(fork).get(iteration);
            double value = node.isNumber() ? node.doubleValue() : Double.NaN;
            return Double.isFinite(value) ? value : null;
        }
    }
}
