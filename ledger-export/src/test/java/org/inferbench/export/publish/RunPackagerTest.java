package org.inferbench.export.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.inferbench.ledger.Ledger;
import org.inferbench.record.CallRecord;
import org.inferbench.record.LedgerLine;
import org.inferbench.record.SkippedRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunPackagerTest {

    @TempDir
    Path archive;

    private final RunPackager packager = new RunPackager(LeakScanner.builtIn(), new BaselineReport());

    private PackageResult pack(Ledger ledger) throws Exception {
        return packager.pack(ledger, Optional.of(PublishFixtures.sourceLog()), archive);
    }

    @Test
    void aNormalRunPackagesCleanlyAsTheFourFilesOfItsFolder() throws Exception {
        PackageResult result = pack(PublishFixtures.sourceRun());

        assertEquals(PublishOutcome.CREATED, result.outcome());
        assertEquals(archive.resolve("runs").resolve(PublishFixtures.RUN_ID), result.runFolder());
        assertEquals(List.of("metadata.json", "run.jsonl", "run.log", "run.md"), PublishFixtures.files(result.runFolder()));
        assertEquals(List.of(), new LeakGate(LeakScanner.builtIn()).check(List.of(archive)));
        assertEquals(List.of("runs"), listing(archive), "the staging area is gone");
    }

    /** The published run is the golden run folder of the clean archive, byte for byte. */
    @Test
    void thePackagedRunIsTheCleanArchivesRun() throws Exception {
        Path folder = pack(PublishFixtures.sourceRun()).runFolder();
        Path golden = PublishFixtures.resource("clean-archive/runs/" + PublishFixtures.RUN_ID);
        assertEquals(PublishFixtures.files(golden), PublishFixtures.files(folder));
        for (String file : PublishFixtures.files(golden)) {
            assertEquals(Files.readString(golden.resolve(file)), Files.readString(folder.resolve(file)), file);
        }
    }

    @Test
    void packagingAgainGivesTheSameBytesAndTouchesNothing() throws Exception {
        Path first = pack(PublishFixtures.sourceRun()).runFolder();
        List<byte[]> before = contents(first);

        PackageResult again = pack(PublishFixtures.sourceRun());

        assertEquals(PublishOutcome.UNCHANGED, again.outcome());
        assertBytesEqual(before, contents(first));
        assertEquals(List.of("runs"), listing(archive));
    }

    @Test
    void aFolderWithOtherBytesIsReplacedWhole() throws Exception {
        Path folder = pack(PublishFixtures.sourceRun()).runFolder();
        RunReport newer = (ledger, dir) -> Files.writeString(dir.resolve(ArchiveLayout.REPORT), "# newer report\n");

        PackageResult again = new RunPackager(LeakScanner.builtIn(), newer)
                .pack(PublishFixtures.sourceRun(), Optional.empty(), archive);

        assertEquals(PublishOutcome.REPLACED, again.outcome());
        assertEquals("# newer report\n", Files.readString(folder.resolve(ArchiveLayout.REPORT)));
        assertFalse(Files.exists(folder.resolve(ArchiveLayout.LOG)), "nothing of the old folder is left");
        assertEquals(List.of("runs"), listing(archive));
    }

    @Test
    void anUnknownAddressInAnErrorIsRefusedWithItsLineAndNothingIsWritten() throws Exception {
        Ledger run = PublishFixtures.sourceRun();
        List<LedgerLine> lines = new ArrayList<>(run.lines());
        CallRecord failed = (CallRecord) lines.get(5);
        lines.set(5, withError(failed, "proxy 203.0.113.77 refused the connection"));

        LeakFoundException refused = assertThrows(LeakFoundException.class, () -> pack(new Ledger(run.meta(), lines, List.of())));

        assertEquals(List.of(archive.resolve("runs/" + PublishFixtures.RUN_ID) + "/run.jsonl:7: IPv4 address '203.***'"),
                refused.findings().stream().map(Finding::toString).toList());
        assertEquals(List.of(), listing(archive), "no run folder, no staging area");
    }

    @Test
    void aLeakInTheLogThatIsNoEndpointIsRefusedAndThePublishedRunStays() throws Exception {
        Path folder = pack(PublishFixtures.sourceRun()).runFolder();
        List<byte[]> before = contents(folder);
        Path log = archive.resolveSibling("leaky.log");
        Files.writeString(log, Files.readString(PublishFixtures.sourceLog()) + "copied with scp run.log alice@pavilion:/tmp\n");

        LeakFoundException refused = assertThrows(LeakFoundException.class,
                () -> packager.pack(PublishFixtures.sourceRun(), Optional.of(log), archive));

        assertEquals(1, refused.findings().size());
        Finding finding = refused.findings().get(0);
        assertTrue(finding.path().endsWith("/run.log"), finding.path());
        assertEquals(24, finding.line());
        assertEquals(LeakKind.USER_AT_HOST, finding.leak().kind());
        assertBytesEqual(before, contents(folder));
    }

    @Test
    void aDenyPatternAppliesToWhatIsPackaged() {
        RunPackager strict = new RunPackager(new LeakScanner(List.of(Pattern.compile("vps50"))), new BaselineReport());

        LeakFoundException refused = assertThrows(LeakFoundException.class,
                () -> strict.pack(PublishFixtures.sourceRun(), Optional.empty(), archive));

        assertTrue(refused.findings().stream().allMatch(f -> f.leak().kind() == LeakKind.DENIED));
        assertTrue(refused.findings().stream().anyMatch(f -> f.path().endsWith("metadata.json")));
    }

    @Test
    void aCellIdThatDoesNotParseIsRefused() throws Exception {
        Ledger run = PublishFixtures.sourceRun();
        List<LedgerLine> lines = new ArrayList<>(run.lines());
        lines.add(SkippedRecord.of("no-engine-here", "P-EASY", "disabled"));

        UnpublishableRunException e = assertThrows(UnpublishableRunException.class,
                () -> pack(new Ledger(run.meta(), lines, List.of())));

        assertTrue(e.getMessage().contains("'no-engine-here' is not a cell id"), e.getMessage());
        assertEquals(List.of(), listing(archive));
    }

    @Test
    void aRunIdThatIsNoFolderNameIsRefused() throws Exception {
        Ledger run = PublishFixtures.sourceRun();
        Ledger climbing = new Ledger(LedgerSanitizerTest.withId(run.meta(), "../elsewhere"), run.lines(), List.of());

        UnpublishableRunException e = assertThrows(UnpublishableRunException.class, () -> pack(climbing));

        assertEquals("benchmark_run_id '../elsewhere' cannot name a run folder", e.getMessage());
    }

    static CallRecord withError(CallRecord c, String error) {
        return c.toBuilder().error(error).build();
    }

    private static List<String> listing(Path dir) throws IOException {
        try (var list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<byte[]> contents(Path folder) throws IOException {
        List<byte[]> result = new ArrayList<>();
        for (String file : PublishFixtures.files(folder)) {
            result.add(Files.readAllBytes(folder.resolve(file)));
        }
        return result;
    }

    private static void assertBytesEqual(List<byte[]> expected, List<byte[]> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i));
        }
    }
}
