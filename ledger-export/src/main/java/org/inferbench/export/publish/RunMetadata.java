package org.inferbench.export.publish;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;
import org.inferbench.config.CellId;
import org.inferbench.ledger.Ledger;
import org.inferbench.record.CallRecord;
import org.inferbench.record.CellFacts;
import org.inferbench.record.LedgerLine;
import org.inferbench.record.LevelRecord;
import org.inferbench.record.MetaRecord;
import org.inferbench.record.SampleRecord;
import org.inferbench.record.SkippedRecord;

/**
 * A published run's identity, {@code runs/<id>/metadata.json}: what the catalogue indexes, so that
 * it never has to read a ledger. Lists are sorted and duplicate-free, so the same ledger always gives
 * the same bytes. A meta-only run's metadata may be written by hand; only the id and the start are
 * required there, and a missing list reads as empty.
 *
 * @param title     how the catalogue lists the run; {@link #deriveTitle} unless someone wrote a better one
 * @param cells     every cell the run planned or recorded, {@code <node>:<engine>:<model>}
 * @param promptIds every prompt it hashed or ran
 * @param calls     cold and warm calls made, failed ones included
 * @param errors    calls that failed
 * @param skips     skipped lines (one per cell and prompt not run)
 */
@JsonPropertyOrder({"benchmark_run_id", "title", "started_at_utc", "finished_at_utc", "status", "git_sha", "git_dirty",
        "harness_version", "mode", "host", "nodes", "engines", "models", "cells", "prompt_ids", "warm_calls", "calls",
        "errors", "skips"})
public record RunMetadata(
        @JsonProperty("benchmark_run_id") String benchmarkRunId,
        @JsonProperty("title") String title,
        @JsonProperty("started_at_utc") String startedAtUtc,
        @JsonProperty("finished_at_utc") String finishedAtUtc,
        @JsonProperty("status") RunStatus status,
        @JsonProperty("git_sha") String gitSha,
        @JsonProperty("git_dirty") Boolean gitDirty,
        @JsonProperty("harness_version") String harnessVersion,
        @JsonProperty("mode") String mode,
        @JsonProperty("host") String host,
        @JsonProperty("nodes") List<String> nodes,
        @JsonProperty("engines") List<String> engines,
        @JsonProperty("models") List<String> models,
        @JsonProperty("cells") List<String> cells,
        @JsonProperty("prompt_ids") List<String> promptIds,
        @JsonProperty("warm_calls") Integer warmCalls,
        @JsonProperty("calls") Integer calls,
        @JsonProperty("errors") Integer errors,
        @JsonProperty("skips") Integer skips) {

    public RunMetadata {
        nodes = sorted(nodes);
        engines = sorted(engines);
        models = sorted(models);
        cells = sorted(cells);
        promptIds = sorted(promptIds);
    }

    /**
     * The metadata of a (sanitized) ledger.
     *
     * @throws IllegalArgumentException when a cell id in it is not {@code <node>:<engine>:<model>}
     */
    public static RunMetadata of(Ledger ledger) {
        MetaRecord meta = ledger.meta();
        List<CellId> cells = union(Stream.of(meta.cellsPlanned(),
                meta.cells() == null ? null : meta.cells().stream().map(CellFacts::cellId).toList(),
                ledger.lines().stream().map(RunMetadata::cellId).toList()))
                .stream().map(CellId::parse).toList();
        List<String> prompts = union(Stream.of(meta.promptsSha256() == null ? null : meta.promptsSha256().keySet(),
                ledger.lines().stream().map(RunMetadata::promptId).toList()));
        List<String> nodes = distinct(cells, CellId::node);
        List<CallRecord> calls = ledger.calls();
        return new RunMetadata(meta.benchmarkRunId(),
                deriveTitle(meta.startedAtUtc(), nodes, cells.size(), prompts.size()),
                meta.startedAtUtc(), meta.finishedAtUtc(),
                meta.finishedAtUtc() == null ? RunStatus.UNFINISHED : RunStatus.FINISHED,
                meta.gitSha(), meta.gitDirty(), meta.harnessVersion(), meta.mode(), meta.host(),
                nodes, distinct(cells, id -> id.engine().wireName()), distinct(cells, CellId::model),
                cells.stream().map(CellId::toString).toList(), prompts, meta.warmCalls(),
                calls.size(), (int) calls.stream().filter(CallRecord::failed).count(), ledger.skipped().size());
    }

    /**
     * "2026-11-28 mac, pavilion: 4 cells × 3 prompts": the day, where it ran and how much, which is
     * what tells runs apart in a list. Stable: the same facts give the same title.
     */
    public static String deriveTitle(String startedAtUtc, List<String> nodes, int cells, int prompts) {
        String day = startedAtUtc == null ? "undated" : startedAtUtc.substring(0, Math.min(10, startedAtUtc.length()));
        String where = nodes.isEmpty() ? "" : " " + String.join(", ", nodes);
        if (cells == 0 && prompts == 0) {
            return day + where;
        }
        return String.format(Locale.ROOT, "%s%s: %s × %s", day, where, count(cells, "cell"), count(prompts, "prompt"));
    }

    /** The stored title, or the derived one for hand-written metadata that has none. */
    public String titleOrDerived() {
        return title != null ? title : deriveTitle(startedAtUtc, nodes, cells.size(), promptIds.size());
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** The cell a line is about: calls, skips, load levels and samples all name one. */
    private static String cellId(LedgerLine line) {
        if (line instanceof CallRecord c) {
            return c.cellId();
        }
        if (line instanceof SkippedRecord s) {
            return s.cellId();
        }
        if (line instanceof LevelRecord l) {
            return l.cellId();
        }
        return line instanceof SampleRecord s ? s.cellId() : null;
    }

    /** The prompt a line is about; a sample is about none. */
    private static String promptId(LedgerLine line) {
        if (line instanceof CallRecord c) {
            return c.promptId();
        }
        if (line instanceof SkippedRecord s) {
            return s.promptId();
        }
        return line instanceof LevelRecord l ? l.promptId() : null;
    }

    /** The distinct values of the parts that are there, sorted. */
    private static List<String> union(Stream<? extends Collection<String>> parts) {
        return parts.filter(Objects::nonNull).flatMap(Collection::stream).filter(Objects::nonNull)
                .distinct().sorted().toList();
    }

    private static List<String> distinct(List<CellId> cells, Function<CellId, String> part) {
        return cells.stream().map(part).distinct().sorted().toList();
    }

    private static List<String> sorted(List<String> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).distinct().sorted().toList();
    }
}
