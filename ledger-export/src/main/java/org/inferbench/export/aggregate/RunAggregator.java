package org.inferbench.export.aggregate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.inferbench.ledger.LedgerWarning;
import org.inferbench.load.Slo;
import org.inferbench.record.CallRecord;
import org.inferbench.record.LevelRecord;
import org.inferbench.record.MetaRecord;
import org.inferbench.record.Phase;
import org.inferbench.record.SampleRecord;
import org.inferbench.record.SkippedRecord;

/**
 * Turns a stream of ledger lines into a {@link RunSummary}, holding per batch only primitive samples.
 * The ledger reader and the JMH results reader both feed it, so both inputs aggregate by the same code.
 * No I/O. Not thread-safe: one aggregator per read.
 *
 * <p>Order, which makes the report deterministic: cells as the meta record's {@code cells_planned}
 * lists them, then any other cell in order of first appearance; prompts in order of first appearance.
 */
public final class RunAggregator implements RunVisitor {

    private MetaRecord meta;
    /** cell id → prompt id → batch, both in run order. */
    private final Map<String, Map<String, BatchAccumulator>> cells = new LinkedHashMap<>();
    private final Set<String> prompts = new LinkedHashSet<>();
    private final List<LedgerWarning> warnings = new ArrayList<>();
    private long calls;
    private long failedCalls;
    private long skipped;
    /** cell id → "prompt id#level idx" → load level, in run order (issue Load). */
    private final Map<String, Map<String, LoadLevelAccumulator>> loadLevels = new LinkedHashMap<>();
    /** Levels JMH results carried already summarized, in the order they came. */
    private final List<LoadLevelSummary> summarizedLevels = new ArrayList<>();
    /** cell id → prompt id → client and engine times of the sequential calls (issue 11). */
    private final Map<String, Map<String, ClientServerAccumulator>> clientServer = new LinkedHashMap<>();
    /** cell id → prompt id → its calls through the routing gateway (mode B), in run order (issue 11). */
    private final Map<String, Map<String, RoutedBatch>> routed = new LinkedHashMap<>();
    private final CallTimeline timeline = new CallTimeline();
    private final Optional<Slo> sloOverride;
    private Optional<Slo> slo;

    /** An aggregator that takes the SLO for goodput from the run's own {@code --slo}, if it had one. */
    public RunAggregator() {
        this(Optional.empty());
    }

    /** @param slo the objectives for goodput; when empty, the run's own {@code --slo} (its meta's flags), if any */
    public RunAggregator(Optional<Slo> slo) {
        this.sloOverride = slo;
        this.slo = slo;
    }

    @Override
    public void meta(MetaRecord meta) {
        this.meta = meta;
        slo = sloOverride.or(() -> RunSlo.fromFlags(meta.harnessFlags()));
        if (meta.cellsPlanned() != null) {
            meta.cellsPlanned().forEach(cellId -> cells.computeIfAbsent(cellId, id -> new LinkedHashMap<>()));
        }
    }

    @Override
    public void call(CallRecord call) {
        calls++;
        if (call.failed()) {
            failedCalls++;
        }
        if (call.phase() != Phase.COLD) {
            timeline.call(call);
        }
        if (call.loadMode() != null) {
            loadLevel(call.cellId(), call.promptId(), call.levelIdx() == null ? 0 : call.levelIdx(),
                    Boolean.TRUE.equals(call.routed())).call(call, slo);
            return;
        }
        if (Boolean.TRUE.equals(call.routed())) {
            prompts.add(call.promptId());
            routedBatch(call.cellId(), call.promptId()).call(call);
            return;
        }
        batch(call.cellId(), call.promptId()).add(call);
        clientServer(call.cellId(), call.promptId()).add(call);
    }

    @Override
    public void skipped(SkippedRecord skippedLine) {
        skipped++;
        if (skippedLine.isRouted()) {
            prompts.add(skippedLine.promptId());
            routedBatch(skippedLine.cellId(), skippedLine.promptId()).skipped(skippedLine);
            return;
        }
        batch(skippedLine.cellId(), skippedLine.promptId()).skipped(skippedLine);
    }

    @Override
    public void level(LevelRecord level) {
        loadLevel(level.cellId(), level.promptId(), level.levelIdx(), Boolean.TRUE.equals(level.routed())).level(level);
        timeline.level(level);
    }

    @Override
    public void sample(SampleRecord sample) {
        timeline.sample(sample);
    }

    @Override
    public void summarizedLevel(LoadLevelSummary level) {
        summarizedLevels.add(level);
    }

    @Override
    public void warning(LedgerWarning warning) {
        warnings.add(warning);
    }

    public RunSummary summary(RunSource source) {
        Map<String, Map<String, BatchAccumulator>> batchesByCell = copy(cells);
        Map<String, Map<String, ClientServerAccumulator>> timesByCell = copy(clientServer);
        List<RoutingOverhead> routing = routing(batchesByCell, timesByCell);
        List<String> promptOrder = List.copyOf(prompts);
        Comparator<BatchSummary> byPrompt = Comparator.comparingInt(b -> promptOrder.indexOf(b.promptId()));
        List<CellSummary> cellSummaries = new ArrayList<>();
        batchesByCell.forEach((cellId, batches) -> {
            WarmSamples pooled = new WarmSamples();
            batches.values().forEach(b -> pooled.addAll(b.warmSamples()));
            List<BatchSummary> summaries = batches.values().stream().map(BatchAccumulator::summarize)
                    .sorted(byPrompt).toList();
            cellSummaries.add(new CellSummary(cellId, summaries, pooled.summarize()));
        });
        Optional<MetaRecord> run = Optional.ofNullable(meta);
        List<LoadLevelSummary> levels = new ArrayList<>();
        loadLevels.values().forEach(byLevel -> byLevel.values().forEach(level -> levels.add(level.summarize(slo))));
        levels.addAll(summarizedLevels);
        // In the order of the cell tables: cells as planned, prompts as first used.
        List<ClientServerSummary> times = new ArrayList<>();
        batchesByCell.keySet().forEach(cellId -> timesByCell.getOrDefault(cellId, Map.of()).values().stream()
                .map(ClientServerAccumulator::summarize).flatMap(Optional::stream)
                .sorted(Comparator.comparingInt(t -> promptOrder.indexOf(t.promptId()))).forEach(times::add));
        return new RunSummary(source, run, promptOrder, cellSummaries,
                ReproducibilityChecklist.breaches(source, run, warnings), warnings, calls, failedCalls, skipped,
                levels, times, timeline, routing);
    }

    /**
     * Pairs each routed batch with the direct calls of its cell and prompt: a routing overhead where the run sent
     * both ways; where it sent only through the gateway (a routed run, v1's mode B), the routed calls are the batch,
     * as they always were, added to {@code batches} and {@code times}.
     */
    private List<RoutingOverhead> routing(Map<String, Map<String, BatchAccumulator>> batches,
                                          Map<String, Map<String, ClientServerAccumulator>> times) {
        List<RoutingOverhead> overheads = new ArrayList<>();
        routed.forEach((cellId, byPrompt) -> byPrompt.forEach((promptId, calls) -> {
            BatchAccumulator direct = batches.getOrDefault(cellId, Map.of()).get(promptId);
            if (direct != null) {
                overheads.add(calls.against(direct));
                return;
            }
            batches.computeIfAbsent(cellId, id -> new LinkedHashMap<>()).put(promptId, calls.batch);
            times.computeIfAbsent(cellId, id -> new LinkedHashMap<>()).put(promptId, calls.times);
        }));
        return overheads;
    }

    /** A copy of both levels of {@code byCell}, in the same order, sharing the accumulators. */
    private static <T> Map<String, Map<String, T>> copy(Map<String, Map<String, T>> byCell) {
        Map<String, Map<String, T>> copy = new LinkedHashMap<>();
        byCell.forEach((cellId, byPrompt) -> copy.put(cellId, new LinkedHashMap<>(byPrompt)));
        return copy;
    }

    /** A load run on both routes has two levels of each index: its direct one and its routed one. */
    private LoadLevelAccumulator loadLevel(String cellId, String promptId, int levelIdx, boolean routedLevel) {
        return loadLevels.computeIfAbsent(cellId, id -> new LinkedHashMap<>())
                .computeIfAbsent(promptId + "#" + levelIdx + (routedLevel ? "#routed" : ""),
                        key -> new LoadLevelAccumulator(cellId, promptId, levelIdx, routedLevel));
    }

    private RoutedBatch routedBatch(String cellId, String promptId) {
        return routed.computeIfAbsent(cellId, id -> new LinkedHashMap<>())
                .computeIfAbsent(promptId, id -> new RoutedBatch(cellId, id));
    }

    private ClientServerAccumulator clientServer(String cellId, String promptId) {
        return clientServer.computeIfAbsent(cellId, id -> new LinkedHashMap<>())
                .computeIfAbsent(promptId, id -> new ClientServerAccumulator(cellId, id));
    }

    private BatchAccumulator batch(String cellId, String promptId) {
        prompts.add(promptId);
        return cells.computeIfAbsent(cellId, id -> new LinkedHashMap<>())
                .computeIfAbsent(promptId, id -> new BatchAccumulator(cellId, id));
    }
}
