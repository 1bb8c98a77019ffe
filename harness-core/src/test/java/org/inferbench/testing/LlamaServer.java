package org.inferbench.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Assumptions;

/**
 * A real llama-server with the tiny random-weight model, started by the repository's own
 * {@code scripts/llama/serve} on a free loopback port. Mocks test the edges; this proves the whole.
 *
 * <p>When the server cannot be provisioned (no apt, no mirror), tests are skipped with the reason,
 * except in CI ({@code CI=true}), where a missing engine is a failure: CI must prove the whole.
 */
public final class LlamaServer implements AutoCloseable {

    /** How long the server may take to load the model and answer {@code /health}. */
    private static final Duration STARTUP = Duration.ofSeconds(60);

    private final Process process;
    private final int port;
    private final Path log;

    private LlamaServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Provisions (once per machine, idempotent), starts the server and waits until it is healthy. */
    public static LlamaServer start(String... extraServerArgs) {
        Path root = repoRoot();
        provisionOrSkip(root);
        int port = TestProcesses.freeLoopbackPort();
        try {
            Path log = Files.createTempFile("llama-server-", ".log");
            List<String> command = new ArrayList<>(List.of(
                    root.resolve("scripts/llama/serve").toString(), "--port", Integer.toString(port)));
            if (extraServerArgs.length > 0) {
                command.add("--");
                command.addAll(List.of(extraServerArgs));
            }
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            LlamaServer server = new LlamaServer(process, port, log);
            server.awaitHealthy();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL, e.g. {@code http://127.0.0.1:40123}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The repository root, which surefire and failsafe pass as {@code inferbench.repo.root}. */
    public static Path repoRoot() {
        String root = System.getProperty("inferbench.repo.root");
        if (root == null) {
            throw new IllegalStateException("system property inferbench.repo.root is not set (run through Maven)");
        }
        return Paths.get(root).toAbsolutePath().normalize();
    }

    private static void provisionOrSkip(Path root) {
        String output;
        int exit;
        try {
            Process p = new ProcessBuilder(root.resolve("scripts/llama/provision").toString())
                    .redirectErrorStream(true)
                    .start();
            output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            exit = p.waitFor();
        } catch (IOException e) {
            output = e.getMessage();
            exit = -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while provisioning llama-server", e);
        }
        if (exit == 0) {
            return;
        }
        String reason = "llama-server could not be provisioned (scripts/llama/provision exit " + exit + "): "
                + lastLine(output);
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(reason + "\n" + output);
        }
        Assumptions.abort(reason);
    }

    private void awaitHealthy() throws IOException {
        OkHttpClient client = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("llama-server exited with " + process.exitValue()
                            + "; its log:\n" + Files.readString(log));
                }
                try (Response r = client.newCall(new Request.Builder().url(baseUrl() + "/health").build()).execute()) {
                    if (r.code() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // Not listening yet: poll again.
                }
                sleep(Duration.ofMillis(100));
            }
            close();
            throw new IllegalStateException("llama-server not healthy after " + STARTUP.toSeconds() + " s; its log:\n"
                    + Files.readString(log));
        } finally {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    @Override
    public void close() {
        TestProcesses.stop(process);
    }

    private static String lastLine(String text) {
        String trimmed = text.strip();
        int nl = trimmed.lastIndexOf('\n');
        return nl < 0 ? trimmed : trimmed.substring(nl + 1);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
