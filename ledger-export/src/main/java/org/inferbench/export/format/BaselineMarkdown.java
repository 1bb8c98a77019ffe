package org.inferbench.export.format;

import static org.inferbench.export.format.Figures.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.inferbench.config.Defaults;
import org.inferbench.export.aggregate.BatchSummary;
import org.inferbench.export.aggregate.CellSummary;
import org.inferbench.export.aggregate.ColdSummary;
import org.inferbench.export.aggregate.Endurance;
import org.inferbench.export.aggregate.EnduranceSummary;
import org.inferbench.export.aggregate.Quantiles;
import org.inferbench.export.aggregate.RunSummary;
import org.inferbench.export.aggregate.WarmSummary;
import org.inferbench.export.aggregate.Windows;
import org.inferbench.record.CellFacts;
import org.inferbench.record.LoadAverage;
import org.inferbench.record.MetaRecord;

/**
 * The baseline markdown of a run (SPEC section 6): reliability verdict, the run's identity, the warm TTFT
 * overview, then per cell its cold and warm tables and its across-prompts summary.
 *
 * <p>The output depends on the summary only (no clock, no locale, no file name), so the same ledger gives
 * the same bytes. Column names are a contract once shipped: they are never renamed nor reordered, and a
 * new metric goes at the end of its table.
 */
public final class BaselineMarkdown {

    static final List<String> COLD_COLUMNS = List.of("prompt", "first_delta_ms", "total_duration_ms",
            "completion_tokens", "tokens_per_sec", "cold_kind", "error");
    /** The warm table's columns after the first; the across-prompts table shares them. */
    static final List<String> WARM_COLUMNS = List.of("first_delta_ms p50", "first_delta_ms p95",
            "total_duration_ms p50", "total_duration_ms p95", "completion_tokens p50", "tokens_per_sec mean", "n",
            "success_rate");
    static final List<String> CELL_FACTS_COLUMNS = List.of("cell", "engine", "reachable", "engine_version",
            "model_digest", "gguf_sha256", "model_path", "health_reason");

    private static final String DAGGER = "†";

    private final RunSummary run;
    private final Optional<EnduranceSummary> endurance;
    private final StringBuilder out = new StringBuilder();
    private boolean daggerUsed;

    private BaselineMarkdown(RunSummary run, Optional<EnduranceSummary> endurance) {
        this.run = run;
        this.endurance = endurance;
    }

    /** The report with windows over time only when the run is long ({@link Windows#automatic()}). */
    public static String render(RunSummary run) {
        return render(run, Windows.automatic());
    }

    public static String render(RunSummary run, Windows windows) {
        return render(run, Endurance.analyse(run.timeline(), windows));
    }

    /** The report with {@code endurance} as its windows over time, when present. */
    public static String render(RunSummary run, Optional<EnduranceSummary> endurance) {
        return new BaselineMarkdown(run, endurance).render();
    }

    private String render() {
        run.unreliable().forEach(reason -> out.append("unreliable: ").append(reason).append("\n\n"));
        identity();
        // A load-only run has no sequential batches: its report is the parallel section alone.
        boolean sequential = run.loadLevels().isEmpty() || run.cells().stream().anyMatch(c -> !c.batches().isEmpty());
        if (sequential) {
            overview();
            run.cells().forEach(this::cell);
        }
        ParallelMarkdown.append(out, run.loadLevels());
        // Sections of issue 11, each only when it has something to show, so older reports keep their bytes.
        ClientServerMarkdown.append(out, run.clientServer());
        RoutingMarkdown.append(out, run.routing());
        endurance.ifPresent(e -> EnduranceMarkdown.append(out, e));
        if (daggerUsed) {
            out.append("\n---\n\n").append(DAGGER).append(" p95 with n < ").append(Defaults.P95_MIN_SAMPLES)
                    .append(" is close to the maximum.\n");
        }
        return out.toString();
    }

    private void identity() {
        if (run.meta().isEmpty()) {
            out.append("# Baseline\n\n");
            out.append("- source: ").append(run.source().description())
                    .append("; run identity not recorded there\n");
            totals();
            return;
        }
        MetaRecord meta = run.meta().get();
        out.append("# Baseline: run ").append(text(meta.benchmarkRunId())).append("\n\n");
        field("benchmark_run_id", text(meta.benchmarkRunId()));
        field("git_sha", text(meta.gitSha()) + " (" + gitState(meta) + ")");
        field("harness_version", text(meta.harnessVersion()));
        field("started_at_utc", text(meta.startedAtUtc()));
        field("finished_at_utc", meta.finishedAtUtc() == null ? "not finished" : meta.finishedAtUtc());
        field("host", text(meta.host()));
        field("load_avg_start", Figures.rate(LoadAverage.oneMinuteOf(meta.loadAvgStart()).orElse(null)));
        field("load_avg_end", Figures.rate(LoadAverage.oneMinuteOf(meta.loadAvgEnd()).orElse(null)));
        field("warm_calls (N)", Figures.whole(meta.warmCalls()));
        field("mode", text(meta.mode()));
        field("source", run.source().description());
        totals();
        if (meta.cells() != null && !meta.cells().isEmpty()) {
            out.append("\n## Cells\n\n");
            MarkdownTable facts = new MarkdownTable(CELL_FACTS_COLUMNS).text(CELL_FACTS_COLUMNS);
            for (CellFacts cell : meta.cells()) {
                facts.row(text(cell.cellId()), text(cell.engine()), cell.reachable() ? "yes" : "no",
                        text(cell.engineVersion()), text(cell.modelDigest()), text(cell.ggufSha256()),
                        text(cell.modelPath()), text(cell.healthReason()));
            }
            facts.appendTo(out);
        }
    }

    private void totals() {
        field("calls", run.calls() + " (" + run.failedCalls() + " failed)");
        field("skipped lines", Long.toString(run.skipped()));
    }

    private static String gitState(MetaRecord meta) {
        if (meta.gitDirty() == null) {
            return "dirty or not: not recorded";
        }
        if (!meta.gitDirty()) {
            return "clean";
        }
        List<String> files = meta.gitDirtyFiles();
        return files == null || files.isEmpty() ? "dirty, files not recorded" : "dirty: " + String.join(", ", files);
    }

    private void field(String name, String value) {
        out.append("- ").append(name).append(": ").append(value).append('\n');
    }

    /** Warm TTFT p50 for every cell x prompt. */
    private void overview() {
        out.append("\n## Warm TTFT p50 (first_delta_ms p50, ms)\n\n");
        List<String> columns = new ArrayList<>();
        columns.add("cell");
        columns.addAll(run.prompts());
        MarkdownTable table = new MarkdownTable(columns);
        for (CellSummary cell : run.cells()) {
            List<String> row = new ArrayList<>();
            row.add(cell.cellId());
            for (String prompt : run.prompts()) {
                row.add(cell.batches().stream().filter(b -> b.promptId().equals(prompt)).findFirst()
                        .map(b -> b.skipped() ? skipped(b) : Figures.whole(b.warm().firstDeltaMs().p50()))
                        .orElse(Figures.UNKNOWN));
            }
            table.row(row.toArray(String[]::new));
        }
        table.appendTo(out);
    }

    private void cell(CellSummary cell) {
        out.append("\n## ").append(cell.cellId()).append("\n\n");
        if (cell.batches().isEmpty()) {
            out.append("no calls recorded\n");
        } else if (cell.skipped()) {
            out.append(cell.batches().stream().map(BaselineMarkdown::skipped).distinct()
                    .collect(Collectors.joining("\n\n"))).append('\n');
        } else {
            coldTable(cell);
            warmTable(cell);
            acrossPrompts(cell);
        }
    }

    private void coldTable(CellSummary cell) {
        out.append("### cold\n\n");
        MarkdownTable table = new MarkdownTable(COLD_COLUMNS).text(List.of("cold_kind", "error"));
        cell.batches().forEach(batch -> table.row(coldRow(batch)));
        table.appendTo(out);
    }

    private void warmTable(CellSummary cell) {
        out.append("\n### warm\n\n");
        MarkdownTable table = new MarkdownTable(warmColumns("prompt"));
        cell.batches().forEach(batch -> table.row(batch.skipped()
                ? new String[] {batch.promptId(), skipped(batch)} : warmRow(batch.promptId(), batch.warm())));
        table.appendTo(out);
    }

    /** The cell's warm calls pooled over its prompts, in the warm table's columns. */
    private void acrossPrompts(CellSummary cell) {
        out.append("\n### across prompts\n\n");
        long prompts = cell.batches().stream().filter(b -> !b.skipped()).count();
        new MarkdownTable(warmColumns("prompts"))
                .row(warmRow("all (" + prompts + ")", cell.acrossPrompts()))
                .appendTo(out);
    }

    private static String[] coldRow(BatchSummary batch) {
        if (batch.skipped()) {
            return new String[] {batch.promptId(), skipped(batch)};
        }
        ColdSummary cold = batch.cold();
        if (cold == null) {
            return new String[] {batch.promptId(), "no cold call"};
        }
        return new String[] {batch.promptId(), Figures.whole(cold.firstDeltaMs()),
                Figures.whole(cold.totalDurationMs()), Figures.whole(cold.completionTokens()),
                Figures.perSecond(cold.tokensPerSec()),
                cold.coldKind() == null ? Figures.UNKNOWN : cold.coldKind().wireName(),
                cold.error() == null ? "" : cold.error()};
    }

    private String[] warmRow(String label, WarmSummary warm) {
        return new String[] {label, Figures.whole(warm.firstDeltaMs().p50()), p95(warm.firstDeltaMs()),
                Figures.whole(warm.totalDurationMs().p50()), p95(warm.totalDurationMs()),
                Figures.whole(warm.completionTokensP50()), Figures.perSecond(warm.tokensPerSecMean()),
                Integer.toString(warm.n()), Figures.rate(warm.successRate())};
    }

    private String p95(Quantiles quantiles) {
        String value = Figures.whole(quantiles.p95());
        if (!quantiles.p95NearMaximum()) {
            return value;
        }
        daggerUsed = true;
        return value + DAGGER;
    }

    private static List<String> warmColumns(String first) {
        List<String> columns = new ArrayList<>();
        columns.add(first);
        columns.addAll(WARM_COLUMNS);
        return columns;
    }

    private static String skipped(BatchSummary batch) {
        return "skipped: " + batch.skipReason();
    }
}
