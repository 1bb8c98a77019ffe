package org.inferbench.export.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.inferbench.export.publish.PublishFixtures;
import org.junit.jupiter.api.Test;

class ScrubCommandTest {

    @Test
    void aCleanArchivePassesSilently() {
        CommandRun run = CommandRun.of("scrub", PublishFixtures.resource("clean-archive").toString());

        assertEquals(new CommandRun(ExitCodes.OK, "", ""), run);
    }

    @Test
    void eachLeakIsALinePathLineWhatAndTheExitCodeSaysSo() throws Exception {
        Path leaky = PublishFixtures.resource("leaky-archive");

        CommandRun run = CommandRun.of("scrub", leaky.toString(), "--deny", "lab-gpu-\\d+");

        assertEquals(ExitCodes.LEAKS, run.exitCode());
        assertEquals(Files.readAllLines(PublishFixtures.resource("leaky-archive.findings")).stream()
                .map(line -> line.replaceFirst("^leaky-archive", leaky.toString())).toList(), run.outLines());
        assertEquals("ledger-export scrub: 20 leaks found\n", run.err());
    }

    @Test
    void aSecretIsNeverPrintedWhole() {
        CommandRun run = CommandRun.of("scrub", PublishFixtures.resource("leaky-archive").toString());

        assertFalse(run.out().contains("sk-test0000000000000000abcd"));
        assertFalse(run.out().contains("abcdEFGH12345678"));
        assertTrue(run.out().contains("API key 'sk-t***'"), run.out());
    }

    @Test
    void aMissingPathIsAUsageError() {
        CommandRun run = CommandRun.of("scrub", "no/such/archive");

        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertEquals("ledger-export scrub: no/such/archive: no such file\n", run.err());
    }

    @Test
    void aDenyPatternThatIsNoRegexIsAUsageError() {
        CommandRun run = CommandRun.of("scrub", ".", "--deny", "(unclosed");

        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().startsWith("Invalid value for option '--deny'"), run.err());
    }

    @Test
    void nothingToCheckIsAUsageError() {
        assertEquals(ExitCodes.USAGE, CommandRun.of("scrub").exitCode());
    }
}
