package org.inferbench.export.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.inferbench.testing.LlamaServer;

/**
 * {@code benchmarks/target/benchmarks.jar} run as a user runs it: {@code java -jar}, its own process,
 * from a working directory that is not a git repository, with the files of one test.
 *
 * <p>Each instance has its own {@code java.io.tmpdir} (JMH's lock) and {@code INFERBENCH_LOCK_DIR} (the
 * harness's lock, which otherwise is the host's {@code /tmp/inferbench.lock}), so both locks are the
 * test's own: other builds on the machine neither refuse it nor are refused by it, and a test can
 * look at the lock a killed run left. {@code --force-load}: build machines are shared, and the load
 * rule is unit-tested with a fake host.
 */
final class BenchmarksJar {

    /** Longer than any run here takes on a loaded machine; a hung run fails the test instead of the build. */
    private static final long TIMEOUT_MINUTES = 3;

    private final Path dir;
    private final Path tmp;
    private final Path cellsYaml;
    private final Path promptsYaml;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<String> jvmOptions = new ArrayList<>();
    private int started;

    /**
     * @param dir the working directory; the temp directory and the console captures go under it
     */
    BenchmarksJar(Path dir, Path cellsYaml, Path promptsYaml) {
        this.dir = dir;
        this.tmp = dir.resolve("tmp");
        this.cellsYaml = cellsYaml;
        this.promptsYaml = promptsYaml;
        try {
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The jar the reactor built (ledger-export's test dependency on benchmarks makes it build first). */
    static Path file() {
        Path jar = LlamaServer.repoRoot().resolve("benchmarks/target/benchmarks.jar");
        assertTrue(Files.isRegularFile(jar), jar + " is missing: build it first (./mvnw -pl benchmarks -am package)");
        return jar;
    }

    /** The shipped {@code prompts.yaml} (the frozen prompts must be in it) with {@code extra} appended. */
    static Path promptsWith(Path dir, String extra) throws IOException {
        return Files.writeString(dir.resolve("prompts.yaml"),
                Files.readString(LlamaServer.repoRoot().resolve("prompts.yaml")) + "\n" + extra);
    }

    BenchmarksJar environment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** An option of the harness's JVM, e.g. a system property. */
    BenchmarksJar jvmOption(String option) {
        jvmOptions.add(option);
        return this;
    }

    /** The run's {@code java.io.tmpdir} and {@code INFERBENCH_LOCK_DIR}: where JMH and the harness keep their locks. */
    Path tmp() {
        return tmp;
    }

    /** Starts the jar with the harness's file options and {@code args}; its console goes to files under the directory. */
    Started start(Path ledgerDir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", file().toString(),
                "--cells-yaml", cellsYaml.toString(), "--prompts-yaml", promptsYaml.toString(),
                "--ledger-dir", ledgerDir.toString(), "--force-load", "--allow-dirty"));
        command.addAll(List.of(args));
        int n = ++started;
        Path stdout = dir.resolve("jar-" + n + ".out");
        Path stderr = dir.resolve("jar-" + n + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        // Each test's own lock: parallel builds on one machine must not refuse each other's runs.
        builder.environment().put("INFERBENCH_LOCK_DIR", tmp.toString());
        builder.environment().putAll(environment);
        return new Started(builder.start(), stdout, stderr);
    }

    /** Runs the jar to its end. */
    Finished run(Path ledgerDir, String... args) throws IOException, InterruptedException {
        return start(ledgerDir, args).awaitExit();
    }

    /** The one ledger a run wrote into {@code ledgerDir}. */
    static Path onlyLedger(Path ledgerDir) throws IOException {
        try (Stream<Path> files = Files.list(ledgerDir)) {
            List<Path> ledgers = files.filter(f -> f.toString().endsWith(".jsonl")).toList();
            assertEquals(1, ledgers.size(), "ledgers in " + ledgerDir + ": " + ledgers);
            return ledgers.get(0);
        }
    }

    /** The log the harness writes beside a ledger. */
    static Path logOf(Path ledger) {
        return ledger.resolveSibling(ledger.getFileName().toString().replaceAll("\\.jsonl$", ".log"));
    }

    /** A running jar: the {@code java} process itself (not a shell), and where its console goes. */
    record Started(Process process, Path stdout, Path stderr) {

        Finished awaitExit() throws IOException, InterruptedException {
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("the jar did not finish in " + TIMEOUT_MINUTES + " minutes:\n" + console());
            }
            return new Finished(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
        }

        String console() throws IOException {
            return Files.readString(stdout) + Files.readString(stderr);
        }
    }

    /** What a run printed, and how it ended. */
    record Finished(int exit, String stdout, String stderr) {

        /** Both streams, for assertion messages. */
        String console() {
            return stdout + stderr;
        }
    }
}
