package org.inferbench.bench.state;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.inferbench.config.Cell;
import org.inferbench.config.CellsFile;
import org.inferbench.config.ConfigText;
import org.inferbench.config.Environment;
import org.inferbench.config.Prompt;
import org.inferbench.config.PromptsFile;
import org.inferbench.load.LoadSpec;
import org.inferbench.record.Json;

/**
 * What a benchmark fork needs to know about the run it belongs to, handed from the harness's main
 * (the host) to each fork as one small JSON file named by the one system property
 * {@value #PROPERTY}. This class is the only writer and the only reader of both.
 *
 * <p>Why a system property: JMH starts each fork itself, and its only channel for run-specific
 * settings is the fork's command line ({@code jvmArgsAppend}, which adds to, not replaces, the user's
 * {@code -jvmArgs}). Why a file: the command line stays short and free of the endpoints and paths it
 * would otherwise carry. With {@code -f 0} there is no fork: the host sets the property in its own JVM.
 *
 * @param cells          the cells file as the host read and checked it: the fork parses this text, never the
 *                       file again, so an edit during the run changes nothing (endpoints are interpolated in
 *                       the fork from the environment it inherits; nothing resolved is written here)
 * @param prompts        the prompts file, likewise
 * @param benchmarkRunId the run's id, sent in routed batches' headers (whether a batch is routed is its JMH parameter
 *                       {@code route}; its gateway comes from the cells text and the fork's environment,
 *                       {@link Gateway}, never from here)
 * @param hostPid        the host's process id: a fork ends itself when the host is gone ({@link HostWatch})
 * @param load           the load sweep of a load run ({@code --concurrency} or {@code --rate}), else null
 */
public record ForkContext(
        @JsonProperty("cells") ConfigText cells,
        @JsonProperty("prompts") ConfigText prompts,
        @JsonProperty("benchmark_run_id") String benchmarkRunId,
        @JsonProperty("host_pid") Long hostPid,
        @JsonProperty("load") LoadSpec load) {

    /** The system property naming the context file. */
    public static final String PROPERTY = "inferbench.context";

    public ForkContext {
        Objects.requireNonNull(cells, "cells");
        Objects.requireNonNull(prompts, "prompts");
        Objects.requireNonNull(benchmarkRunId, "benchmarkRunId");
    }

    /** Host side: writes the context into {@code dir} and returns the JVM argument that names it. */
    public String writeInto(Path dir) throws IOException {
        Path file = dir.resolve("fork-context.json");
        Json.mapper().writeValue(file.toFile(), this);
        // For -f 0, where the benchmark runs in this JVM.
        System.setProperty(PROPERTY, file.toString());
        return "-D" + PROPERTY + "=" + file;
    }

    /**
     * Fork side: the context of the run this JVM belongs to.
     *
     * @throws IllegalStateException when the benchmark was started without the harness's main
     */
    public static ForkContext current() {
        String file = System.getProperty(PROPERTY);
        if (file == null) {
            throw new IllegalStateException("no run context (-D" + PROPERTY
                    + "): run the matrix through the harness, java -jar benchmarks.jar");
        }
        try {
            return Json.mapper().readValue(Path.of(file).toFile(), ForkContext.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the run context " + file, e);
        }
    }

    /**
     * The cell {@code cellId} of the run, parsed from the text the host checked, interpolated with this JVM's
     * environment (inherited from the host's).
     *
     * @throws IllegalArgumentException when the run has no such cell
     */
    public Cell cell(String cellId, Environment environment) {
        return CellsFile.load(cells, environment).find(cellId)
                .orElseThrow(() -> new IllegalArgumentException("no cell " + cellId + " in " + cells.path()));
    }

    /** The prompt {@code promptId} of the run. @throws IllegalArgumentException when the run has no such prompt */
    public Prompt prompt(String promptId) {
        return PromptsFile.load(prompts).find(promptId)
                .orElseThrow(() -> new IllegalArgumentException("no prompt " + promptId + " in " + prompts.path()));
    }
}
