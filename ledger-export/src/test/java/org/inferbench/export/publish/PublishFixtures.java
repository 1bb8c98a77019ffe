package org.inferbench.export.publish;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.inferbench.record.CallRecord;
import org.inferbench.record.Json;
import org.inferbench.record.LedgerLine;
import org.inferbench.record.MetaRecord;
import org.inferbench.record.SkippedRecord;

/** The publishing fixtures under {@code src/test/resources/publish/}; the command tests use them too. */
public final class PublishFixtures {

    private PublishFixtures() {
    }

    /** The run of {@code publish/source/}: three nodes, one unreachable, an error naming an endpoint. */
    public static final String RUN_ID = "3f2b8c1e-9d4a-4e7b-8f00-1a2b3c4d5e6f";

    /** A stand-in for the aggregate report: deterministic, and it repeats what sanitizing produced. */
    static final RunReport REPORT = (ledger, folder) -> Files.writeString(folder.resolve(ArchiveLayout.REPORT),
            "# Run " + ledger.meta().benchmarkRunId() + "\n\nhost: " + ledger.meta().host() + ", "
                    + ledger.lines().size() + " lines\n");

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

    static RunLedger sourceRun() throws IOException {
        return readLedger(sourceLedger());
    }

    /** Reads a well-formed ledger. TEMPORARY: LedgerReader (branch ledger) replaces this once it is on main. */
    static RunLedger readLedger(Path file) throws IOException {
        List<String> text = Files.readAllLines(file);
        MetaRecord meta = Json.mapper().readValue(text.get(0), MetaRecord.class);
        List<LedgerLine> lines = new ArrayList<>();
        for (String line : text.subList(1, text.size())) {
            JsonNode node = Json.mapper().readTree(line);
            lines.add("skipped".equals(node.path("phase").asText())
                    ? Json.mapper().treeToValue(node, SkippedRecord.class)
                    : Json.mapper().treeToValue(node, CallRecord.class));
        }
        return new RunLedger(meta, lines);
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
