package org.inferbench.bench;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.inferbench.ledger.Ledger;
import org.inferbench.ledger.LedgerReader;
import org.inferbench.testing.LlamaServer;

/**
 * One run of the shaded jar as a user runs it ({@code java -jar benchmarks/target/benchmarks.jar}), forked, with the
 * shipped {@code cells.yaml}, on the cell {@code local:llamacpp:tiny} pointed at a test's llama-server. Its own
 * {@code java.io.tmpdir} (JMH's lock) and {@code INFERBENCH_LOCK_DIR} (the harness's, otherwise the host's
 * {@code /tmp/inferbench.lock}), so other builds on the machine do not refuse it. {@code --force-load}: CI machines
 * are shared, and the load rule is tested with a fake host in {@code BenchmarkMainTest}.
 *
 * @param exit       the jar's exit code
 * @param output     its console, both streams
 * @param ledgerFile the ledger it wrote, or null when it wrote none
 */
record ShadedJarRun(int exit, String output, Path ledgerFile) {

    static final String CELL = "local:llamacpp:tiny";

    /** Runs the jar in {@code dir} with {@code prompts} against {@code server}; fails the test after 5 minutes. */
    static ShadedJarRun of(Path dir, Path prompts, LlamaServer server, String... args)
            throws IOException, InterruptedException {
        return of(dir, LlamaServer.repoRoot().resolve("cells.yaml"), prompts, server, Map.of(), args);
    }

    /**
     * {@link #of(Path, Path, LlamaServer, String...)} with another cells file (which must declare {@value #CELL}) and
     * {@code environment} added to the jar's.
     */
    static ShadedJarRun of(Path dir, Path cells, Path prompts, LlamaServer server, Map<String, String> environment,
                           String... args) throws IOException, InterruptedException {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-jar", Path.of("target", "benchmarks.jar").toAbsolutePath().toString(),
                "--cells-yaml", cells.toString(),
                "--prompts-yaml", prompts.toString(), "--ledger-dir", dir.resolve("runs").toString(),
                "--force-load", "-p", "cell=" + CELL));
        command.addAll(List.of(args));
        Path output = dir.resolve("output.txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("INFERBENCH_LOCAL_URL", server.baseUrl());
        builder.environment().put("INFERBENCH_LOCK_DIR", tmp.toString());
        builder.environment().remove("WEEYUGA_INFERENCE_ROUTE"); // Routed only when a test says so.
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the jar did not finish in 5 minutes:\n" + Files.readString(output));
        }
        Path ledgerDir = dir.resolve("runs");
        Path ledger = null;
        if (Files.isDirectory(ledgerDir)) {
            try (Stream<Path> files = Files.list(ledgerDir)) {
                ledger = files.filter(f -> f.toString().endsWith(".jsonl")).findFirst().orElse(null);
            }
        }
        return new ShadedJarRun(process.exitValue(), Files.readString(output), ledger);
    }

    /** The prompts of the shipped file plus {@code P-IT-SHORT}, a new id with 8 tokens, to keep runs short. */
    static Path promptsWithShortOne(Path dir) throws IOException {
        return Files.writeString(dir.resolve("prompts.yaml"), Files.readString(LlamaServer.repoRoot()
                .resolve("prompts.yaml")) + "\nP-IT-SHORT:\n  intent: integration test, short\n  prompt: |\n    hi\n"
                + "  max_tokens: 8\n");
    }

    Ledger ledger() throws IOException {
        assertNotNull(ledgerFile, "no ledger; output:\n" + output);
        return LedgerReader.read(ledgerFile);
    }
}
