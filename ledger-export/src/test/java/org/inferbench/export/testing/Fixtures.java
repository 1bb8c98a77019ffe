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
