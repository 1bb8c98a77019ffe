package org.inferbench.export.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.inferbench.export.publish.PublishFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageCommandTest {

    @TempDir
    Path dir;

    private Path ledger() throws Exception {
        return Files.copy(PublishFixtures.sourceLedger(), dir.resolve(PublishFixtures.RUN_ID + ".jsonl"));
    }

    private Path archive() {
        return dir.resolve("archive");
    }

    private Path runFolder() {
        return archive().resolve("runs").resolve(PublishFixtures.RUN_ID);
    }

    @Test
    void theLogBesideTheLedgerIsPublishedWithItAndPackagingAgainChangesNothing() throws Exception {
        Path ledger = ledger();
        Files.copy(PublishFixtures.sourceLog(), dir.resolve(PublishFixtures.RUN_ID + ".log"));

        CommandRun first = CommandRun.of("package", ledger.toString(), "--out", archive().toString());
        CommandRun again = CommandRun.of("package", ledger.toString(), "--out", archive().toString());

        assertEquals(new CommandRun(ExitCodes.OK, runFolder() + ": created\n", ""), first);
        assertEquals(new CommandRun(ExitCodes.OK, runFolder() + ": unchanged\n", ""), again);
        assertEquals(List.of("metadata.json", "run.jsonl", "run.log", "run.md"), PublishFixtures.files(runFolder()));
        assertEquals(ExitCodes.OK, CommandRun.of("scrub", archive().toString()).exitCode());
    }

    @Test
    void theReportIsTheAggregateBaselineOfTheSanitizedLedger() throws Exception {
        CommandRun run = CommandRun.of("package", ledger().toString(), "--out", archive().toString());

        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        String report = Files.readString(runFolder().resolve("run.md"));
        assertTrue(report.contains("# Baseline: run " + PublishFixtures.RUN_ID), report);
        assertTrue(report.contains("| vps50:ollama:llama3.2:1b | ollama | no |"), report);
        assertTrue(report.contains("Failed to connect to /vps50:ollama"), report);
    }

    @Test
    void withoutALogTheRunIsPublishedWithoutOneAndTheUserIsTold() throws Exception {
        Path ledger = ledger();

        CommandRun run = CommandRun.of("package", ledger.toString(), "--out", archive().toString());

        assertEquals(ExitCodes.OK, run.exitCode());
        assertEquals("note: no " + dir.resolve(PublishFixtures.RUN_ID + ".log")
                + "; the run is published without run.log\n", run.err());
        assertFalse(Files.exists(runFolder().resolve("run.log")));
    }

    @Test
    void aLeakSanitizingCannotFixIsPrintedAndNothingIsPublished() throws Exception {
        Path log = Files.writeString(dir.resolve("console.txt"), "line one\nscp run.log alice@pavilion:/tmp\n");

        CommandRun run = CommandRun.of("package", ledger().toString(), "--log", log.toString(),
                "--out", archive().toString());

        assertEquals(ExitCodes.LEAKS, run.exitCode());
        assertEquals(List.of(runFolder() + "/run.log:2: user@host 'alic***'"), run.outLines());
        assertEquals("ledger-export package: 1 leak found; nothing was published\n", run.err());
        assertEquals(List.of(), PublishFixtures.files(archive()));
    }

    @Test
    void aDenyPatternRefusesWhatItMatches() throws Exception {
        CommandRun run = CommandRun.of("package", ledger().toString(), "--out", archive().toString(),
                "--deny", "pavilion");

        assertEquals(ExitCodes.LEAKS, run.exitCode());
        assertTrue(run.out().contains("(--deny pavilion)"), run.out());
    }

    @Test
    void aMissingLogNamedByTheUserIsAUsageError() throws Exception {
        CommandRun run = CommandRun.of("package", ledger().toString(), "--log", dir.resolve("nope.log").toString(),
                "--out", archive().toString());

        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertEquals("ledger-export package: " + dir.resolve("nope.log") + ": no such file\n", run.err());
    }

    @Test
    void aMalformedLedgerIsAUsageErrorNamingTheLine() throws Exception {
        Path ledger = Files.writeString(dir.resolve("bad.jsonl"),
                Files.readAllLines(PublishFixtures.sourceLedger()).get(0) + "\nnot json\n{\"type\":\"call\"}\n");

        CommandRun run = CommandRun.of("package", ledger.toString(), "--out", archive().toString());

        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().startsWith("ledger-export package: " + ledger + ":2: "), run.err());
        assertFalse(Files.exists(archive()));
    }

    /** Publishing a glued file would present two runs' calls as one run's. */
    @Test
    void aLedgerHoldingTwoRunsIsRefusedAndNothingIsPublished() throws Exception {
        String one = Files.readString(PublishFixtures.sourceLedger());
        String other = one.replace(PublishFixtures.RUN_ID, "3f2b8c1e-9d4a-4e7b-8f00-0000000000ff");
        Path glued = Files.writeString(dir.resolve("glued.jsonl"), one + other);
        int second = (int) one.lines().count() + 1;

        CommandRun run = CommandRun.of("package", glued.toString(), "--out", archive().toString());

        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertEquals("ledger-export package: " + glued + ":" + second + ": a second run starts here (run "
                + "3f2b8c1e-9d4a-4e7b-8f00-0000000000ff, after run " + PublishFixtures.RUN_ID + " from line 1); one file "
                + "is one run, two are never merged: split the file before line " + second + " and give each part on "
                + "its own\n", run.err());
        assertFalse(Files.exists(archive()));
    }

    @Test
    void aLedgerSavedWithAByteOrderMarkIsPublishedWithoutIt() throws Exception {
        Path ledger = Files.writeString(dir.resolve(PublishFixtures.RUN_ID + ".jsonl"),
                "\uFEFF" + Files.readString(PublishFixtures.sourceLedger()));

        CommandRun run = CommandRun.of("package", ledger.toString(), "--out", archive().toString());

        assertEquals(ExitCodes.OK, run.exitCode(), run::err);
        assertTrue(Files.readString(runFolder().resolve("run.jsonl")).startsWith("{\"type\":\"meta\""));
    }

    @Test
    void theArchiveIsRequired() throws Exception {
        CommandRun run = CommandRun.of("package", ledger().toString());

        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().startsWith("Missing required option: '--out=ARCHIVE_DIR'"), run.err());
    }
}
