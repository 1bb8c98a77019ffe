package org.inferbench.export.publish;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.inferbench.ledger.Ledger;
import org.inferbench.ledger.LedgerReader;

/**
 * The publishing fixtures under {@code src/test/resources/publish/}; the command tests use them too.
 * <ul>
 *   <li>{@code source/}: a run as the harness leaves it, ledger and console log, with the endpoints,
 *       home directories and model paths that packaging must take out;</li>
 *   <li>{@code clean-archive/}: that run packaged, plus a hand-written meta-only run and the
 *       catalogue. When the report's format changes, regenerate its run folder with
 *       {@code ledger-export package src/test/resources/publish/source/<id>.jsonl --out
 *       src/test/resources/publish/clean-archive} (and check the diff);</li>
 *   <li>{@code leaky-archive/}: a leak of every kind planted at a known line, listed in
 *       {@code leaky-archive.findings}.</li>
 * </ul>
 */
public final class PublishFixtures {

    private PublishFixtures() {
    }

    /** The run of {@code publish/source/}: three nodes, one unreachable, an error naming an endpoint. */
    public static final String RUN_ID = "3f2b8c1e-9d4a-4e7b-8f00-1a2b3c4d5e6f";

    public static Path resource(String name) {
        try {
            return Path.of(PublishFixtures.class.getResource("/publish/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path sourceLedger() {
        return resource("source/" + RUN_ID + ".jsonl");
    }

    public static Path sourceLog() {
        return resource("source/" + RUN_ID + ".log");
    }

    static Ledger sourceRun() throws IOException {
        return readLedger(sourceLedger());
    }

    static Ledger readLedger(Path file) throws IOException {
        return LedgerReader.read(file);
    }

    /** Copies a fixture folder to {@code target}, so a test can change it. */
    public static Path copy(String name, Path target) throws IOException {
        Path source = resource(name);
        try (var walk = Files.walk(source)) {
            for (Path path : walk.toList()) {
                Path to = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(path, to);
                }
            }
        }
        return target;
    }

    /** Every file under {@code dir}, relative, in name order: what a folder is, to compare two. */
    public static List<String> files(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }
}
