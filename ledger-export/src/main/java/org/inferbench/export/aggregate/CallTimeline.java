package org.inferbench.export.aggregate;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.math3.util.ResizableDoubleArray;
import org.inferbench.record.CallRecord;
import org.inferbench.record.LevelRecord;
import org.inferbench.record.SampleRecord;

/**
 * When each warm call of a run started, with its tokens/s and TTFT, per cell and prompt: what an endurance report
 * splits into windows ({@link Endurance}). Cold calls stay out: a one-off by design, not a point of a trend.
 *
 * <p>A call's time is its {@code started_at_utc}. A load call without one (older ledgers) is placed by its level
 * and send order instead: its level starts where the levels before it ended (their {@code wall_ms}, in the order
 * the level lines came), and within the level it sits at its planned send plus lag (open loop) or at its share of
 * the level's wall time by {@code run_idx} (closed loop). Anything else without a time is counted and left out.
 *
 * <p>Primitive arrays, as in {@link WarmSamples}, so a long run stays small. Not thread-safe.
 */
public final class CallTimeline {

    /**
     * One cell and prompt, and one load level for load calls: a call at index i has atMs[i] (epoch ms, NaN until
     * placed), tps[i], ttft[i].
     */
    static final class Series {
        final String cellId;
        final String promptId;
        /** The load level; null for the sequential matrix's calls. */
        final Integer levelIdx;
        /** Through the routing gateway (mode B): the same cell and prompt's direct calls are another series. */
        final boolean routed;
        final ResizableDoubleArray atMs = new ResizableDoubleArray();
        /** NaN: unknown, or the call failed. */
        final ResizableDoubleArray tokensPerSec = new ResizableDoubleArray();
        final ResizableDoubleArray ttftMs = new ResizableDoubleArray();
        final ResizableDoubleArray failed = new ResizableDoubleArray();

        Series(String cellId, String promptId, Integer levelIdx, boolean routed) {
            this.cellId = cellId;
            this.promptId = promptId;
            this.levelIdx = levelIdx;
            this.routed = routed;
        }

        int size() {
            return atMs.getNumElements();
        }
    }

    /** One cell's sampled queue depth (issue 11): a sample at index i was taken at atMs[i] and read depth[i]. */
    static final class QueueSamples {
        final String cellId;
        final ResizableDoubleArray atMs = new ResizableDoubleArray();
        final ResizableDoubleArray depth = new ResizableDoubleArray();

        QueueSamples(String cellId) {
            this.cellId = cellId;
        }
    }

    /** A load call waiting for its level's line to be placed in time. */
    private record Unplaced(Series series, int index, String levelKey, Double withinLevelMs, int runIdx) {
    }

    private final Map<String, Series> series = new LinkedHashMap<>();
    /** cell id → its queue depth samples, in the order the cells were first sampled. */
    private final Map<String, QueueSamples> queues = new LinkedHashMap<>();
    private final List<Unplaced> unplaced = new ArrayList<>();
    /** "cell#prompt#level" → the level's line, in the order the lines came. */
    private final Map<String, LevelRecord> levels = new LinkedHashMap<>();
    private long leftOut;

    void call(CallRecord call) {
        // A level of a load sweep is its own series: the levels differ by design (more users, more wait), so a trend
        // across them is the sweep, not a drift; drift is tested within a level.
        Integer level = call.loadMode() == null ? null : call.levelIdx() == null ? 0 : call.levelIdx();
        boolean routed = Boolean.TRUE.equals(call.routed());
        Series into = series.computeIfAbsent(call.cellId() + "\n" + call.promptId() + "\n" + level + "\n" + routed,
                key -> new Series(call.cellId(), call.promptId(), level, routed));
        double at = epochMillis(call.startedAtUtc());
        if (Double.isNaN(at) && call.loadMode() == null) {
            leftOut++;
            return;
        }
        int index = into.size();
        into.atMs.addElement(at);
        into.tokensPerSec.addElement(call.failed() || call.tokensPerSec() == null ? Double.NaN : call.tokensPerSec());
        into.ttftMs.addElement(call.failed() || call.firstDeltaMs() == null ? Double.NaN : call.firstDeltaMs());
        into.failed.addElement(call.failed() ? 1 : 0);
        if (Double.isNaN(at)) {
            Double within = call.scheduledOffsetMs() == null ? null
                    : call.scheduledOffsetMs() + (call.sendLagMs() == null ? 0 : call.sendLagMs());
            unplaced.add(new Unplaced(into, index,
                    levelKey(call.cellId(), call.promptId(), level, routed),
                    within, call.runIdx()));
        }
    }

    /** A sample line: kept when it gives the queue depth ({@link QueueDepth}) and a readable time. */
    void sample(SampleRecord sample) {
        Optional<Double> depth = QueueDepth.of(sample);
        double at = epochMillis(sample.atUtc());
        if (depth.isEmpty() || Double.isNaN(at) || sample.cellId() == null) {
            return;
        }
        QueueSamples into = queues.computeIfAbsent(sample.cellId(), QueueSamples::new);
        into.atMs.addElement(at);
        into.depth.addElement(depth.get());
    }

    /** The cells' queue depth samples, each at the time it was taken. */
    List<QueueSamples> queues() {
        return List.copyOf(queues.values());
    }

    void level(LevelRecord level) {
        levels.putIfAbsent(levelKey(level.cellId(), level.promptId(), level.levelIdx(),
                Boolean.TRUE.equals(level.routed())), level);
    }

    /** Warm calls with no time to place them by. */
    public long leftOut() {
        return leftOut;
    }

    /**
     * The series with every placeable call at its time; load calls without a time are placed from their level
     * (anchored at the earliest timed call, or at 0 when none has a time), and left out when their level has no
     * line.
     */
    List<Series> placed() {
        if (!unplaced.isEmpty()) {
            double anchor = series.values().stream().flatMapToDouble(s -> java.util.Arrays.stream(s.atMs.getElements()))
                    .filter(Double::isFinite).min().orElse(0);
            Map<String, Double> levelStart = new LinkedHashMap<>();
            double clock = anchor;
            for (Map.Entry<String, LevelRecord> level : levels.entrySet()) {
                levelStart.put(level.getKey(), clock);
                clock += Math.max(0, level.getValue().wallMs());
            }
            for (Unplaced call : unplaced) {
                Double start = levelStart.get(call.levelKey());
                LevelRecord level = levels.get(call.levelKey());
                if (start == null) {
                    continue;
                }
                double within = call.withinLevelMs() != null ? call.withinLevelMs()
                        : level.requests() > 0 ? (double) call.runIdx() * level.wallMs() / level.requests() : 0;
                call.series().atMs.setElement(call.index(), start + within);
            }
            unplaced.clear();
        }
        return List.copyOf(series.values());
    }

    private static String levelKey(String cellId, String promptId, int levelIdx, boolean routed) {
        return cellId + "\n" + promptId + "\n" + levelIdx + "\n" + routed;
    }

    private static double epochMillis(String utc) {
        if (utc == null) {
            return Double.NaN;
        }
        try {
            return Instant.parse(utc).toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException unparseable) {
            // A hostile or mangled time places nothing: the call is treated as one without a time.
            return Double.NaN;
        }
    }
}
