package org.inferbench.export.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.inferbench.export.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ship} refuses what it can before anything is read or sent; its help documents the variables and exit 6. */
class ShipCommandTest {

    @TempDir
    Path dir;

    @Test
    void theHelpNamesTheCredentialVariablesAndTheNotShippedExitCode() {
        CommandRun help = CommandRun.of("ship", "--help");

        assertEquals(ExitCodes.OK, help.exitCode());
        assertTrue(help.out().contains("INFERBENCH_SEARCH_USER"), help.out());
        assertTrue(help.out().contains("INFERBENCH_SEARCH_API_KEY"), help.out());
        assertTrue(help.out().contains("6   ship: a document was not shipped"), help.out());
        assertTrue(help.out().replaceAll("\\s+", " ").contains("Default: weeyuga-benchmarks."), help.out());
    }

    @Test
    void aPasswordInTheUrlIsRefusedBeforeAnythingIsSentAndNotRepeated() throws Exception {
        Path ledger = Files.write(dir.resolve("run.jsonl"), Fixtures.bytes(Fixtures.SMALL_RUN));

        CommandRun run = CommandRun.of("ship", ledger.toString(), "--to", "https://bench:hunter2@127.0.0.1:9");

        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().startsWith("ledger-export ship: --to: the URL holds a user name or password; refused."),
                run.err());
        assertFalse(run.err().contains("hunter2"), run.err());
    }

    @Test
    void anIndexPrefixWithAWildcardIsAUsageError() throws Exception {
        Path ledger = Files.write(dir.resolve("run.jsonl"), Fixtures.bytes(Fixtures.SMALL_RUN));

        CommandRun run = CommandRun.of("ship", ledger.toString(), "--to", "http://127.0.0.1:9", "--index-prefix", "team-*");

        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("--index-prefix 'team-*': an index prefix is lowercase letters"), run.err());
    }

    @Test
    void aStoreThatDoesNotAnswerShipsNothingAndSaysSo() throws Exception {
        Path ledger = Files.write(dir.resolve("run.jsonl"), Fixtures.bytes(Fixtures.SMALL_RUN));

        CommandRun run = CommandRun.of("ship", ledger.toString(), "--to", "http://127.0.0.1:1");

        assertEquals(ExitCodes.NOT_SHIPPED, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("ledger-export ship: http://127.0.0.1:1: the store cannot be reached "
                + "(ConnectException: "), run.err());
    }

    @Test
    void aMissingLedgerIsAUsageErrorNamingIt() {
        CommandRun run = CommandRun.of("ship", dir.resolve("none.jsonl").toString(), "--to", "http://127.0.0.1:1");

        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertEquals("ledger-export ship: " + dir.resolve("none.jsonl") + ": no such file", run.err().strip());
    }

    @Test
    void fromAndRunGoTogether() {
        CommandRun run = CommandRun.of("aggregate", "--run", "abc");

        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().startsWith("--from and --run go together"), run.err());
    }

    @Test
    void aRunInputWithoutFromIsAUsageError() {
        CommandRun run = CommandRun.of("compare", "run:abc", "x.jsonl");

        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().startsWith("run:abc: run:<ID> names a run of the store given by --from URL"), run.err());
    }
}
