package org.inferbench.export.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.inferbench.export.publish.PublishFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogueCommandTest {

    @TempDir
    Path dir;

    @Test
    void theCatalogueIsWrittenOnceAndThenLeftAlone() throws Exception {
        Path archive = PublishFixtures.copy("clean-archive", dir.resolve("archive"));
        Files.delete(archive.resolve("catalogue.json"));

        CommandRun first = CommandRun.of("catalogue", archive.toString());
        CommandRun again = CommandRun.of("catalogue", archive.toString());

        String summary = ", 2 runs (1 complete, 1 meta-only)\n";
        assertEquals(new CommandRun(ExitCodes.OK, archive.resolve("catalogue.json") + ": created" + summary, ""), first);
        assertEquals(new CommandRun(ExitCodes.OK, archive.resolve("catalogue.json") + ": unchanged" + summary, ""), again);
        assertArrayEquals(Files.readAllBytes(PublishFixtures.resource("clean-archive/catalogue.json")),
                Files.readAllBytes(archive.resolve("catalogue.json")));
    }

    @Test
    void aMalformedRunFolderIsReportedByNameAndTheRestIsIndexed() throws Exception {
        Path archive = PublishFixtures.copy("clean-archive", dir.resolve("archive"));
        Files.createDirectories(archive.resolve("runs/half-copied"));

        CommandRun run = CommandRun.of("catalogue", archive.toString());

        assertEquals(ExitCodes.OK, run.exitCode());
        assertEquals("left out: " + archive.resolve("runs/half-copied") + ": no metadata.json\n", run.err());
        assertEquals(archive.resolve("catalogue.json") + ": unchanged, 2 runs (1 complete, 1 meta-only)\n", run.out());
    }

    @Test
    void aHandWrittenMetadataWithAnImpossibleDateIsLeftOutLikeAMalformedFolder() throws Exception {
        Path archive = PublishFixtures.copy("clean-archive", dir.resolve("archive"));
        Path metadata = Files.createDirectories(archive.resolve("runs/typo")).resolve("metadata.json");
        Files.writeString(metadata, "{\"benchmark_run_id\":\"typo\",\"started_at_utc\":\"2026-13-45T00:00:00Z\"}");

        CommandRun run = CommandRun.of("catalogue", archive.toString());

        assertEquals(new CommandRun(ExitCodes.OK,
                archive.resolve("catalogue.json") + ": unchanged, 2 runs (1 complete, 1 meta-only)\n",
                "left out: " + metadata + ": started_at_utc '2026-13-45T00:00:00Z' is not an ISO-8601 UTC time like "
                        + "2026-11-28T10:00:00Z\n"), run);
    }

    @Test
    void aLeakKeepsTheOldCatalogue() throws Exception {
        Path archive = PublishFixtures.copy("clean-archive", dir.resolve("archive"));

        CommandRun run = CommandRun.of("catalogue", archive.toString(), "--deny", "predator");

        assertEquals(ExitCodes.LEAKS, run.exitCode());
        Path metadata = archive.resolve("runs/0c9e5a77-1b2d-4c3e-9f4a-5b6c7d8e9f01/metadata.json");
        String denied = ": denied pattern 'pr***' (--deny predator)";
        assertEquals(List.of(
                archive.resolve("catalogue.json") + ":16" + denied,
                archive.resolve("catalogue.json") + ":20" + denied,
                metadata + ":3" + denied,
                metadata + ":7" + denied,
                metadata + ":10" + denied), run.outLines(), "in the catalogue, and where each comes from");
        assertEquals("ledger-export catalogue: 5 leaks found; nothing was published\n", run.err());
        assertArrayEquals(Files.readAllBytes(PublishFixtures.resource("clean-archive/catalogue.json")),
                Files.readAllBytes(archive.resolve("catalogue.json")));
    }

    @Test
    void aMissingArchiveIsAUsageError() {
        CommandRun run = CommandRun.of("catalogue", dir.resolve("nowhere").toString());

        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertEquals("ledger-export catalogue: " + dir.resolve("nowhere") + ": no such file\n", run.err());
    }
}
