package org.inferbench.export.aggregate;

import java.util.Arrays;
import java.util.Optional;
import org.inferbench.load.Slo;
import org.inferbench.record.CallRecord;
import org.inferbench.record.LevelRecord;
import org.inferbench.record.LoadMode;
import org.inferbench.record.Percentiles;

/**
 * The calls and the level line of one cell × prompt × load level, as they are read, in primitive arrays (a load
 * run is many calls).
 */
final class LoadLevelAccumulator {

    private final String cellId;
    private final String promptId;
    private final int levelIdx;
    private final boolean routed;
    private LoadMode mode;
    private Integer concurrency;
    private Double targetRate;
    private LevelRecord level;
    private int requests;
    private int errors;
    private int goodCalls;
    private Samples ttftSend = new Samples();
    private Samples ttftSchedule = new Samples();
    private Samples tpot = new Samples();
    private Samples itlMedian = new Samples();
    private Samples itlP95 = new Samples();
    private Samples endToEnd = new Samples();

    LoadLevelAccumulator(String cellId, String promptId, int levelIdx, boolean routed) {
        this.cellId = cellId;
        this.promptId = promptId;
        this.levelIdx = levelIdx;
        this.routed = routed;
    }

    void call(CallRecord call, Optional<Slo> slo) {
        requests++;
        mode = call.loadMode();
        if (call.loadMode() == LoadMode.CLOSED) {
            concurrency = call.concurrency(); // open: in flight at send, which varies; the level line has the cap
        }
        targetRate = call.targetRate();
        if (slo.isPresent() && slo.get().met(call)) {
            goodCalls++;
        }
        if (call.failed()) {
            errors++;
            return;
        }
        ttftSend.add(call.firstDeltaMs());
        ttftSchedule.add(Slo.ttftFromSchedule(call));
        tpot.add(call.tpotMs());
        itlMedian.add(call.itlMsP50());
        itlP95.add(call.itlMsP95());
        endToEnd.add(call.totalDurationMs());
    }

    void level(LevelRecord line) {
        this.level = line;
        this.mode = line.loadMode();
        this.concurrency = line.concurrency();
        this.targetRate = line.targetRate();
    }

    LoadLevelSummary summarize(Optional<Slo> slo) {
        Long wallMs = level == null ? null : level.wallMs();
        Double goodputShare = slo.isPresent() && requests > 0 ? goodCalls / (double) requests : null;
        Double goodputRps = slo.isPresent() && wallMs != null && wallMs > 0 ? goodCalls / (wallMs / 1000.0) : null;
        return new LoadLevelSummary(cellId, promptId, levelIdx, mode, concurrency, targetRate, requests, errors,
                level == null ? null : level.achievedRps(), level == null ? null : level.rateShort(),
                level == null ? null : level.outputTokensPerSec(), wallMs, level == null ? null : level.harnessCpuMs(),
                level == null ? "no level line (the run was cut off)" : level.stoppedEarly(),
                ttftSend.tail(), ttftSchedule.tail(), tpot.tail(),
                new LoadLevelSummary.Tail(itlMedian.percentile(0.50), null, itlP95.percentile(0.99)), endToEnd.tail(),
                goodputShare, goodputRps, routed);
    }

    /** A growing array of the values that were known. */
    private static final class Samples {
        private double[] values = new double[16];
        private int size;

        void add(Number value) {
            if (value == null) {
                return;
            }
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value.doubleValue();
        }

        /** @param p in [0, 1] */
        Double percentile(double p) {
            return size == 0 ? null : Percentiles.type7(Arrays.copyOf(values, size), p);
        }

        LoadLevelSummary.Tail tail() {
            return new LoadLevelSummary.Tail(percentile(0.50), percentile(0.95), percentile(0.99));
        }
    }
}
