package org.inferbench.export.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.inferbench.export.aggregate.RunAggregator;
import org.inferbench.export.aggregate.RunSource;
import org.inferbench.export.aggregate.RunSummary;
import org.inferbench.export.read.RunReader;

/** The hand-written runs under {@code src/test/resources/runs/}. */
public final class Fixtures {

    /** A finished run: 3 cells planned (one unreachable, so skipped), 2 prompts, 1 cold + 5 warm, one failed call. */
    public static final String SMALL_RUN = "small-run.jsonl";
    /** The same calls as {@link #SMALL_RUN}, as the matrix benchmark's JMH results would carry them. */
    public static final String SMALL_RUN_JMH = "small-run.jmh.json";
    /** The baseline markdown of {@link #SMALL_RUN}, checked by hand against numpy. */
    public static final String SMALL_RUN_MARKDOWN = "small-run.md";
    /**
     * A later run of {@link #SMALL_RUN}'s cells: pavilion P-EASY's TTFT 33 % slower (a regression), P-MEDIUM
     * again with one failed call of five (a red flag), mac P-EASY generating 34 % more tokens/s (an
     * improvement); mac P-MEDIUM not run, mac P-HARD and a cell {@code desk:ollama:qwen3.5:0.8b} new.
     */
    public static final String SMALL_RUN_CURRENT = "small-run-current.jsonl";
    /** The comparison of {@link #SMALL_RUN_CURRENT} against {@link #SMALL_RUN}, checked by hand. */
    public static final String SMALL_RUN_COMPARISON = "small-run.compare.md";

    /**
     * A ledger as the team's first harness (Python, {@code harness_version} "1") wrote it, copied unchanged from
     * the shared wire fixtures ({@code seed-v1-ledger.jsonl}): load average as {@code [1m, 5m, 15m]}, no
     * {@code finished_at_utc} or {@code load_avg_end} (the run was not closed), the thirteen contract fields
     * only, and a skipped cell as a call line with {@code "error":"skipped: <reason>"}.
     */
    public static final String SEED_V1 = "seed-v1-ledger.jsonl";
    /** The baseline markdown of {@link #SEED_V1}, checked by hand. */
    public static final String SEED_V1_MARKDOWN = "seed-v1-ledger.md";
    /**
     * {@link #SMALL_RUN} (today's shape) with {@code mac:ollama:qwen3.5:0.8b} renamed {@code mac:llamacpp:qwen3.5:0.8b},
     * so that it shares a cell and prompt with {@link #SEED_V1}, compared against it; the runs named by
     * {@code seed-v1-ledger.jsonl} and {@code small-run-on-mac-llamacpp.jsonl}.
     */
    public static final String SEED_V1_COMPARISON = "seed-v1.compare.md";

    /**
     * A load run (issue Load) of one cell and prompt: closed levels at concurrency 1, 2 and 4, then an open level at
     * 2 req/s with a cap of 4; no sequential call.
     */
    public static final String LOAD_RUN = "load-run.jsonl";
    /**
     * A later load run of {@link #LOAD_RUN}'s cell: closed 2, 4 and 8 (so concurrency 2 and 4 sit at other
     * level_idx, 1 is gone and 8 is new), concurrency 4 slower, lower in throughput and with one failed call of
     * four, the open 2 req/s level (cap 8 this time) with 33 % more output tokens/s.
     */
    public static final String LOAD_RUN_CURRENT = "load-run-current.jsonl";
    /**
     * {@link #LOAD_RUN}'s levels as the load benchmark's JMH results carry them (issue Load): one iteration per level,
     * its numbers in aux counters, NaN where the benchmark does not know; and a loopback baseline result.
     */
    public static final String LOAD_RUN_JMH = "load-run.jmh.json";
    /** The comparison of {@link #LOAD_RUN_CURRENT} against {@link #LOAD_RUN}, checked by hand. */
    public static final String LOAD_RUN_COMPARISON = "load-run.compare.md";

    private Fixtures() {
    }

    public static InputStream open(String name) {
        InputStream in = Fixtures.class.getResourceAsStream("/runs/" + name);
        if (in == null) {
            throw new IllegalArgumentException("no fixture " + name);
        }
        return in;
    }

    public static byte[] bytes(String name) {
        try (InputStream in = open(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RunSummary summarize(String name) {
        RunAggregator aggregator = new RunAggregator();
        try (InputStream in = open(name)) {
            RunSource source = RunReader.read(in, name, aggregator);
            return aggregator.summary(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
