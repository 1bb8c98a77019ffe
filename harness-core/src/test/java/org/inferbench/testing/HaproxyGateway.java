package org.inferbench.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Assumptions;

/**
 * A real routing gateway for Mode B's tests: HAProxy (Debian's package, 2.6, built with Lua) on a free loopback port
 * in front of an engine, configured in a temporary directory. It behaves as the methodology's gateway must be able
 * to:
 * <ul>
 *   <li>it answers 400 to any request without {@code X-Weeyuga-Test: true} and a {@code X-Weeyuga-Benchmark-Run-Id}
 *   (so an untagged request from the harness fails, or shows in {@link #log()});</li>
 *   <li>it forwards {@code <its URL>/<engine path>} to the engine's {@code /<engine path>} and names itself in the
 *   answer's {@code X-Weeyuga-Backend};</li>
 *   <li>it delays every POST by a known {@code delay} before forwarding it: a Lua action ({@code core.msleep}), per
 *   request. A connection-level delay ({@code tcp-request inspect-delay}) would not do: the harness opens each call's
 *   connection beforehand with an untimed GET, which is not delayed.</li>
 * </ul>
 * Its log ({@link #log()}) has one line per request: status, method, path.
 *
 * <p>Without haproxy on this machine the test is skipped, except in CI ({@code CI=true}), where it fails: CI installs
 * it ({@code .ci/run}).
 */
public final class HaproxyGateway implements AutoCloseable {

    /** The gateway's own path: the engine's paths come after it. */
    public static final String PREFIX = "/gw";
    private static final Duration STARTUP = Duration.ofSeconds(30);

    private final Process process;
    private final int port;
    private final Path logFile;

    private HaproxyGateway(Process process, int port, Path logFile) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
    }

    /** Starts HAProxy in front of the engine at {@code enginePort}, naming itself {@code backend}. */
    public static HaproxyGateway start(Path dir, int enginePort, Duration delay, String backend) {
        Path haproxy = executable().orElseGet(() -> {
            String reason = "haproxy is not installed (apt-get install haproxy; .ci/run does)";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(reason);
            }
            Assumptions.abort(reason);
            return null;
        });
        int port = TestProcesses.freeLoopbackPort();
        try {
            Path lua = Files.writeString(dir.resolve("delay.lua"), """
                    -- Delays the request it is applied to (every POST), before it is forwarded.
                    core.register_action("inferbench_delay", { "http-req" }, function(txn)
                      core.msleep(%d)
                    end)
                    """.formatted(delay.toMillis()));
            Path config = Files.writeString(dir.resolve("haproxy.cfg"), """
                    global
                        lua-load %s
                        log stdout format raw local0
                    defaults
                        mode http
                        log global
                        log-format "%%ST %%HM %%HP"
                        timeout connect 5s
                        timeout client 300s
                        timeout server 300s
                    frontend gateway
                        bind 127.0.0.1:%d
                        http-request deny deny_status 400 unless { req.hdr(X-Weeyuga-Test) -m str true } { req.hdr(X-Weeyuga-Benchmark-Run-Id) -m found }
                        http-request lua.inferbench_delay if METH_POST
                        default_backend engine
                    backend engine
                        http-request replace-path %s(/.*) \\1
                        http-response set-header X-Weeyuga-Backend %s
                        server engine 127.0.0.1:%d
                    """.formatted(lua, port, PREFIX, backend, enginePort));
            Path log = dir.resolve("haproxy.log");
            Process process = new ProcessBuilder(haproxy.toString(), "-db", "-f", config.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            HaproxyGateway gateway = new HaproxyGateway(process, port, log);
            gateway.awaitListening();
            return gateway;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The gateway's base URL, for a cell's {@code route:} or {@code WEEYUGA_INFERENCE_ROUTE}. */
    public String url() {
        return "http://127.0.0.1:" + port + PREFIX;
    }

    /** One line per request so far: {@code "200 POST /gw/v1/chat/completions"}. */
    public List<String> log() throws IOException {
        return Files.readAllLines(logFile).stream().filter(line -> line.matches("\\d{3} [A-Z]+ .*")).toList();
    }

    private static Optional<Path> executable() {
        // Debian installs it in /usr/sbin, which a non-root PATH may lack.
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin";
        return Stream.of(path.split(File.pathSeparator)).filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, "haproxy")).filter(Files::isExecutable).findFirst();
    }

    /** Waits (bounded) until a tagged GET through the gateway reaches the engine. */
    private void awaitListening() throws IOException {
        OkHttpClient client = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(1)).build();
        Request probe = new Request.Builder().url(url() + "/health").header("X-Weeyuga-Test", "true")
                .header("X-Weeyuga-Benchmark-Run-Id", "startup").build();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("haproxy exited with " + process.exitValue() + "; its output:\n"
                            + Files.readString(logFile));
                }
                try (Response response = client.newCall(probe).execute()) {
                    if (response.code() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // Not listening yet: poll again.
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while starting haproxy", e);
                }
            }
            close();
            throw new IllegalStateException("haproxy not forwarding after " + STARTUP.toSeconds() + " s; its output:\n"
                    + Files.readString(logFile));
        } finally {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    @Override
    public void close() {
        TestProcesses.stop(process);
    }
}
