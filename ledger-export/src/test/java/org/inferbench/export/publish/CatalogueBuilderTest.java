package org.inferbench.export.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.inferbench.record.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogueBuilderTest {

    @TempDir
    Path temp;

    private final CatalogueBuilder builder = new CatalogueBuilder(LeakScanner.builtIn());

    private Path cleanArchive() throws IOException {
        return PublishFixtures.copy("clean-archive", temp.resolve("archive"));
    }

    private static byte[] expectedCatalogue() throws IOException {
        return Files.readAllBytes(PublishFixtures.resource("clean-archive/catalogue.json"));
    }

    @Test
    void buildingTwiceGivesTheSameBytesAndTheSecondTimeChangesNothing() throws Exception {
        Path archive = cleanArchive();
        Files.delete(archive.resolve(ArchiveLayout.CATALOGUE));

        CatalogueResult first = builder.build(archive);
        byte[] firstBytes = Files.readAllBytes(first.file());
        CatalogueResult second = builder.build(archive);

        assertEquals(PublishOutcome.CREATED, first.outcome());
        assertEquals(PublishOutcome.UNCHANGED, second.outcome());
        assertArrayEquals(expectedCatalogue(), firstBytes);
        assertArrayEquals(firstBytes, Files.readAllBytes(second.file()));
        assertEquals(List.of(ArchiveLayout.CATALOGUE, ArchiveLayout.RUNS), listing(archive), "no staging area left");
    }

    @Test
    void aRunFolderWithMetadataButNoLedgerIsMetaOnly() throws Exception {
        Path archive = cleanArchive();

        Catalogue catalogue = Json.mapper().readValue(builder.build(archive).file().toFile(), Catalogue.class);

        assertEquals(List.of(CatalogueStatus.META_ONLY, CatalogueStatus.COMPLETE),
                catalogue.runs().stream().map(CatalogueEntry::status).toList(), "in date order");
        assertEquals("2026-10-02 predator: first llama.cpp baseline, before the ledger existed",
                catalogue.runs().get(0).title(), "a hand-written title is kept");
        assertEquals(new CatalogueTotals(2, 1, 1, 30, 1, 2), catalogue.totals());
    }

    @Test
    void aMetaOnlyRunWithoutATitleGetsTheDerivedOne() throws Exception {
        Path archive = cleanArchive();
        Path folder = Files.createDirectories(archive.resolve("runs/bare"));
        Files.writeString(folder.resolve(ArchiveLayout.METADATA),
                "{\"benchmark_run_id\":\"bare\",\"started_at_utc\":\"2025-01-05T10:00:00Z\",\"nodes\":[\"vps50\"]}");

        Catalogue catalogue = Json.mapper().readValue(builder.build(archive).file().toFile(), Catalogue.class);

        CatalogueEntry bare = catalogue.runs().get(0);
        assertEquals("bare", bare.id());
        assertEquals("2025-01-05 vps50", bare.title());
        assertEquals(CatalogueStatus.META_ONLY, bare.status());
        assertEquals("runs/bare/", bare.path());
    }

    @Test
    void malformedRunFoldersAreReportedByNameAndLeftOut() throws Exception {
        Path archive = cleanArchive();
        Path runs = archive.resolve(ArchiveLayout.RUNS);
        Files.createDirectories(runs.resolve("no-metadata"));
        Files.writeString(runs.resolve("no-metadata/run.jsonl"), "{}\n");
        Files.createDirectories(runs.resolve("broken-json"));
        Files.writeString(runs.resolve("broken-json/metadata.json"),
                "{\n  \"benchmark_run_id\": \"broken-json\",\n  \"started_at_utc\": ,\n}\n");
        Files.createDirectories(runs.resolve("wrong-id"));
        Files.writeString(runs.resolve("wrong-id/metadata.json"),
                "{\"benchmark_run_id\":\"other\",\"started_at_utc\":\"2026-01-01T00:00:00Z\"}");
        Files.createDirectories(runs.resolve("undated"));
        Files.writeString(runs.resolve("undated/metadata.json"), "{\"benchmark_run_id\":\"undated\"}");
        Files.writeString(runs.resolve("notes.txt"), "not a run\n");
        Files.writeString(runs.resolve(".DS_Store"), "hidden: passed over\n");

        CatalogueResult result = builder.build(archive);

        assertEquals(List.of("broken-json", "no-metadata", "notes.txt", "undated", "wrong-id"),
                result.rejected().stream().map(RejectedRun::folder).toList());
        assertEquals(List.of(
                runs.resolve("broken-json/metadata.json") + ":3: Unexpected character (',' (code 44)): expected a value",
                runs.resolve("no-metadata") + ": no metadata.json",
                runs.resolve("notes.txt") + ": not a run folder",
                runs.resolve("undated/metadata.json") + ": no started_at_utc",
                runs.resolve("wrong-id/metadata.json") + ": benchmark_run_id 'other' is not the folder's name 'wrong-id'"),
                result.rejected().stream().map(RejectedRun::toString).toList());
        assertArrayEquals(expectedCatalogue(), Files.readAllBytes(result.file()), "the good runs are all indexed");
    }

    /** Hand-written metadata with values no run can have: each folder is left out, saying which value. */
    @Test
    void impossibleValuesInAHandWrittenMetadataLeaveTheFolderOut() throws Exception {
        Path archive = cleanArchive();
        Path runs = archive.resolve(ArchiveLayout.RUNS);
        Map<String, String> folders = new TreeMap<>(Map.of(
                "bad-date", "\"started_at_utc\":\"2026-13-45T10:00:00Z\"",
                "date-only", "\"started_at_utc\":\"2026-04-29\"",
                "prose-date", "\"started_at_utc\":\"last Tuesday\"",
                "bad-finish", "\"started_at_utc\":\"2026-04-29T02:00:00Z\",\"finished_at_utc\":\"2026-02-30T00:00:00Z\"",
                "ends-first", "\"started_at_utc\":\"2026-04-29T02:00:00Z\",\"finished_at_utc\":\"2026-04-28T02:00:00Z\"",
                "negative-calls", "\"started_at_utc\":\"2026-04-29T02:00:00Z\",\"calls\":-3",
                "negative-skips", "\"started_at_utc\":\"2026-04-29T02:00:00Z\",\"skips\":-1",
                "more-errors", "\"started_at_utc\":\"2026-04-29T02:00:00Z\",\"calls\":2,\"errors\":5",
                "bad-cell", "\"started_at_utc\":\"2026-04-29T02:00:00Z\",\"cells\":[\"just-a-name\"]"));
        for (Map.Entry<String, String> folder : folders.entrySet()) {
            Files.createDirectories(runs.resolve(folder.getKey()));
            Files.writeString(runs.resolve(folder.getKey()).resolve(ArchiveLayout.METADATA),
                    "{\"benchmark_run_id\":\"" + folder.getKey() + "\"," + folder.getValue() + "}");
        }

        CatalogueResult result = builder.build(archive);

        String iso = "' is not an ISO-8601 UTC time like 2026-11-28T10:00:00Z";
        assertEquals(List.of(
                "bad-cell: cells: 'just-a-name' is not <node>:<engine>:<model>",
                "bad-date: started_at_utc '2026-13-45T10:00:00Z" + iso,
                "bad-finish: finished_at_utc '2026-02-30T00:00:00Z" + iso,
                "date-only: started_at_utc '2026-04-29" + iso,
                "ends-first: finished_at_utc '2026-04-28T02:00:00Z' is before started_at_utc '2026-04-29T02:00:00Z'",
                "more-errors: errors 5 is more than calls 2 (errors count the calls that failed)",
                "negative-calls: calls -3 is negative",
                "negative-skips: skips -1 is negative",
                "prose-date: started_at_utc 'last Tuesday" + iso),
                result.rejected().stream().map(r -> r.folder() + r.problem().substring(
                        runs.resolve(r.folder()).resolve(ArchiveLayout.METADATA).toString().length())).toList());
        assertArrayEquals(expectedCatalogue(), Files.readAllBytes(result.file()), "the good runs are all indexed");
    }

    @Test
    void aLeakInAMetadataRefusesTheCatalogueWhereItCanBeFixedAndKeepsTheOldOne() throws Exception {
        Path archive = cleanArchive();
        Path metadata = archive.resolve("runs/0c9e5a77-1b2d-4c3e-9f4a-5b6c7d8e9f01/metadata.json");
        Files.writeString(metadata, Files.readString(metadata).replace("first llama.cpp baseline", "run by alice@predator"));

        LeakFoundException refused = assertThrows(LeakFoundException.class, () -> builder.build(archive));

        assertEquals(List.of(
                archive.resolve(ArchiveLayout.CATALOGUE) + ":16: user@host 'alic***'",
                metadata + ":3: user@host 'alic***'"),
                refused.findings().stream().map(Finding::toString).toList(),
                "where it would have been published, and where it comes from");
        assertArrayEquals(expectedCatalogue(), Files.readAllBytes(archive.resolve(ArchiveLayout.CATALOGUE)));
        assertEquals(List.of(ArchiveLayout.CATALOGUE, ArchiveLayout.RUNS), listing(archive));
    }

    @Test
    void anArchiveWithoutRunsHasAnEmptyCatalogue() throws Exception {
        CatalogueResult result = builder.build(temp);

        assertEquals(new CatalogueTotals(0, 0, 0, 0, 0, 0), result.totals());
        assertEquals(List.of(), result.rejected());
        assertTrue(Files.readString(result.file()).startsWith("{\n  \"schema_version\": \"1.0-draft\",\n"));
    }

    @Test
    void aSyntheticArchiveIsIndexedWhole() throws Exception {
        SyntheticArchive.write(temp, 40);

        CatalogueResult result = builder.build(temp);

        assertEquals(new CatalogueTotals(40, 30, 10, 40 * 36, 39, 0), result.totals());
        assertEquals(List.of(), result.rejected());
    }

    private static List<String> listing(Path dir) throws IOException {
        try (var list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
