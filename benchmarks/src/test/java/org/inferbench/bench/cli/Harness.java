package org.inferbench.bench.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.inferbench.bench.preflight.FakeHost;
import org.inferbench.bench.preflight.Host;
import org.inferbench.ledger.Ledger;
import org.inferbench.ledger.LedgerReader;
import org.inferbench.testing.LlamaServer;

/**
 * Runs {@link BenchmarkMain} in this JVM on files a test writes, and keeps what it printed. The
 * harness's own options point at the test's directory; the test adds JMH's.
 */
public final class Harness {

    public final Path dir;
    public final Path cellsYaml;
    public final Path ledgerDir;
    public final ByteArrayOutputStream out = new ByteArrayOutputStream();
    public final ByteArrayOutputStream err = new ByteArrayOutputStream();
    /** The machine the run sees: a quiet one unless the test replaces it. */
    public Host host;

    /** A harness whose files are in {@code dir}. */
    public Harness(Path dir) {
        this.dir = dir;
        this.cellsYaml = dir.resolve("cells.yaml");
        this.ledgerDir = dir.resolve("runs");
        this.host = FakeHost.quiet(dir.resolve("inferbench.lock"));
    }

    /** Writes {@code cells.yaml}, one line per entry given, e.g. {@code "- id: a:llamacpp:m\n  endpoint: http://..."}. */
    public Harness cells(String... cells) {
        try {
            Files.writeString(cellsYaml, "cells:\n" + String.join("\n", cells) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** One entry of {@code cells.yaml}, with {@code extraKeys} such as {@code "enabled: false"}. */
    public static String cell(String id, String endpoint, String... extraKeys) {
        StringBuilder yaml = new StringBuilder("  - id: " + id + "\n    endpoint: " + endpoint);
        for (String key : extraKeys) {
            yaml.append("\n    ").append(key);
        }
        return yaml.toString();
    }

    /** Runs with the harness options filled in and the shipped prompts; returns the exit code. */
    public int run(String... args) {
        List<String> all = new ArrayList<>(List.of("--cells-yaml", cellsYaml.toString(),
                "--prompts-yaml", LlamaServer.repoRoot().resolve("prompts.yaml").toString(),
                "--ledger-dir", ledgerDir.toString()));
        all.addAll(List.of(args));
        return new BenchmarkMain(host, dir, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(all.toArray(String[]::new));
    }

    /** What the run printed on its standard output. */
    public String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** What the run printed on its standard error. */
    public String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** The ledger the run wrote (exactly one). */
    public Path ledgerFile() {
        try (Stream<Path> files = Files.list(ledgerDir)) {
            List<Path> ledgers = files.filter(f -> f.toString().endsWith(".jsonl")).toList();
            if (ledgers.size() != 1) {
                throw new AssertionError("expected one ledger in " + ledgerDir + ", found " + ledgers);
            }
            return ledgers.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ledger the run wrote, read. */
    public Ledger ledger() {
        try {
            return LedgerReader.read(ledgerFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
