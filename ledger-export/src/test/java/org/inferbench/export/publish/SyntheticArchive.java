package org.inferbench.export.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Makes an archive of N synthetic runs, to measure the catalogue on a realistic size (README,
 * "Publishing"). Every fourth run is meta-only; the rest have a one-line ledger beside the metadata.
 * Ids and dates come from the index, so two archives of the same size are identical.
 *
 * <p>HOW TO RUN: {@code java -cp <test classpath> org.inferbench.export.publish.SyntheticArchive DIR 1000}
 */
public final class SyntheticArchive {

    private SyntheticArchive() {
    }

    private static final List<String> NODES = List.of("mac", "pavilion", "predator", "vps50");

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: SyntheticArchive DIR COUNT");
            System.exit(2);
        }
        write(Path.of(args[0]), Integer.parseInt(args[1]));
    }

    static void write(Path archive, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            String id = UUID.nameUUIDFromBytes(("run-" + i).getBytes(StandardCharsets.UTF_8)).toString();
            String node = NODES.get(i % NODES.size());
            String started = String.format(Locale.ROOT, "2026-%02d-%02dT%02d:00:00Z", 1 + i % 12, 1 + i % 28, i % 24);
            List<String> cells = List.of(node + ":ollama:qwen3.5:0.8b", node + ":llamacpp:qwen3.5:0.8b");
            RunMetadata metadata = new RunMetadata(id, null, started, started, RunStatus.FINISHED, "0".repeat(40), false,
                    "0.1.0", "A", node, List.of(node), List.of("llamacpp", "ollama"), List.of("qwen3.5:0.8b"), cells,
                    List.of("P-EASY", "P-HARD", "P-MEDIUM"), 5, 36, i % 3, 0);
            Path folder = Files.createDirectories(ArchiveLayout.runFolder(archive, id));
            Files.write(folder.resolve(ArchiveLayout.METADATA), ArchiveJson.bytes(metadata));
            if (i % 4 != 0) {
                Files.writeString(folder.resolve(ArchiveLayout.LEDGER),
                        "{\"type\":\"meta\",\"benchmark_run_id\":\"" + id + "\"}\n");
            }
        }
    }
}
