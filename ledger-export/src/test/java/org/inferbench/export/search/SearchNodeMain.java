package org.inferbench.export.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The test's single-node OpenSearch in a JVM of its own, for {@code ledger-export/scripts/ship-speed.sh}:
 * the shipping benchmark measures the {@code ship} command's process alone, so the node must not share it.
 * Prints {@code url: http://127.0.0.1:PORT} once the node is up, then serves until standard input closes,
 * and deletes its data.
 *
 * <p>Usage: {@code SearchNodeMain DIR} (data and logs under DIR)
 */
public final class SearchNodeMain {

    private SearchNodeMain() {
    }

    public static void main(String[] args) throws IOException {
        Path base = Files.createDirectories(Path.of(args[0])).resolve("node").toAbsolutePath();
        try (SearchNode.Running node = SearchNode.Running.start(base)) {
            System.out.println("url: " + node.node.url());
            System.out.flush();
            while (System.in.read() != -1) {
                // Serve until the script closes standard input (or ends).
            }
        }
    }
}
