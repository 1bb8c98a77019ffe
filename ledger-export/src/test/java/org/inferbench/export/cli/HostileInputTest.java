package org.inferbench.export.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.inferbench.export.read.InputLimits;
import org.inferbench.export.testing.Fixtures;
import org.inferbench.export.testing.SpecialFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files a user can name by mistake, or a hostile one on purpose: a FIFO, a device, a directory, a file
 * of gigabytes or one enormous line. Each is one line on stderr naming the file, exit 2, never a hang
 * or an out-of-memory crash. The timeouts only keep a regression (a FIFO opened, waiting for a writer)
 * from hanging the build; nothing is timed.
 */
@Timeout(value = 120, threadMode = ThreadMode.SEPARATE_THREAD)
class HostileInputTest {

    private static final String LEDGER = new String(Fixtures.bytes(Fixtures.SMALL_RUN), StandardCharsets.UTF_8);
    private static final String NOT_REGULAR =
            ": not a regular file (a FIFO, a device or a socket); give a file, or '-' for standard input\n";

    @TempDir
    Path dir;

    @Test
    void aggregateRefusesAFifoWithoutWaitingForAWriter() throws Exception {
        Path fifo = SpecialFiles.fifo(dir, "run.jsonl");

        assertEquals(new CommandRun(ExitCodes.USAGE, "", "ledger-export aggregate: " + fifo + NOT_REGULAR),
                CommandRun.of("aggregate", fifo.toString()));
    }

    @Test
    void aggregateRefusesADevice() {
        Path zero = SpecialFiles.devZero();

        assertEquals(new CommandRun(ExitCodes.USAGE, "", "ledger-export aggregate: " + zero + NOT_REGULAR),
                CommandRun.of("aggregate", zero.toString()));
    }

    @Test
    void aggregateRefusesADirectory() {
        assertEquals(new CommandRun(ExitCodes.USAGE, "", "ledger-export aggregate: " + dir + ": a directory, not a file\n"),
                CommandRun.of("aggregate", dir.toString()));
    }

    /** A valid first line, then gigabytes without a line end: refused at the line cap, not read whole. */
    @Test
    void aggregateRefusesAnEnormousLineAfterReadingOnlyTheCap() throws Exception {
        Path huge = SpecialFiles.sparse(dir.resolve("huge.jsonl"),
                LEDGER.lines().findFirst().orElseThrow() + "\n{\"type\":\"call\",\"cell_id\":\"", SpecialFiles.HUGE, "\"}\n");

        CommandRun run = CommandRun.of("aggregate", huge.toString());

        assertEquals(new CommandRun(ExitCodes.USAGE, "", "ledger-export aggregate: " + huge + ":2: line longer than "
                + InputLimits.LEDGER_LINE_BYTES + " bytes; not a ledger line (a ledger holds one JSON object a line), "
                + "refused\n"), run);
    }

    @Test
    void aggregateRefusesJmhResultsOverTheSizeLimit() throws Exception {
        Path results = dir.resolve("results.json");
        try (FileChannel channel = FileChannel.open(results, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap("[".getBytes(StandardCharsets.US_ASCII)));
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (long written = 0; written <= InputLimits.JMH_RESULTS_BYTES; written += spaces.length) {
                channel.write(ByteBuffer.wrap(spaces));
            }
        }

        CommandRun run = CommandRun.of("aggregate", results.toString());

        assertEquals(new CommandRun(ExitCodes.USAGE, "", "ledger-export aggregate: " + results + ": JMH results JSON of "
                + "more than 64.0 MiB is larger than the 64.0 MiB this tool reads; refused\n"), run);
    }

    @Test
    void compareRefusesAFifoForEitherRun() throws Exception {
        Path fifo = SpecialFiles.fifo(dir, "baseline.jsonl");
        Path current = Files.writeString(dir.resolve("current.jsonl"), LEDGER);

        assertEquals(new CommandRun(ExitCodes.USAGE, "", "ledger-export compare: " + fifo + NOT_REGULAR),
                CommandRun.of("compare", fifo.toString(), current.toString()));
        assertEquals(new CommandRun(ExitCodes.USAGE, "", "ledger-export compare: " + fifo + NOT_REGULAR),
                CommandRun.of("compare", current.toString(), fifo.toString()));
    }

    @Test
    void packageRefusesAFifoLedgerAFifoLogAndADirectory() throws Exception {
        Path fifo = SpecialFiles.fifo(dir, "run.jsonl");
        Path ledger = Files.writeString(dir.resolve("good.jsonl"), LEDGER);
        String archive = dir.resolve("archive").toString();

        assertEquals(new CommandRun(ExitCodes.USAGE, "", "ledger-export package: " + fifo + NOT_REGULAR),
                CommandRun.of("package", fifo.toString(), "--out", archive));
        assertEquals(new CommandRun(ExitCodes.USAGE, "", "ledger-export package: " + fifo + NOT_REGULAR),
                CommandRun.of("package", ledger.toString(), "--log", fifo.toString(), "--out", archive));
        assertEquals(new CommandRun(ExitCodes.USAGE, "", "ledger-export package: " + dir + ": a directory, not a file\n"),
                CommandRun.of("package", dir.toString(), "--out", archive));
        assertTrue(Files.notExists(dir.resolve("archive/runs")), "nothing published");
    }

    @Test
    void packageRefusesALedgerLargerThanItHoldsInMemory() throws Exception {
        Path huge = SpecialFiles.sparse(dir.resolve("huge.jsonl"), LEDGER, SpecialFiles.HUGE, "\n");

        CommandRun run = CommandRun.of("package", huge.toString(), "--out", dir.resolve("archive").toString());

        assertEquals(new CommandRun(ExitCodes.USAGE, "", "ledger-export package: " + huge + ": a ledger of 3072.0 MiB "
                + "is larger than the 1024.0 MiB this tool reads; refused\n"), run);
    }

    @Test
    void scrubRefusesAFifoOrADeviceNamedOnTheCommandLine() throws Exception {
        Path fifo = SpecialFiles.fifo(dir, "pipe");

        assertEquals(new CommandRun(ExitCodes.USAGE, "", "ledger-export scrub: " + fifo + NOT_REGULAR),
                CommandRun.of("scrub", fifo.toString()));
        Path zero = SpecialFiles.devZero();
        assertEquals(new CommandRun(ExitCodes.USAGE, "", "ledger-export scrub: " + zero + NOT_REGULAR),
                CommandRun.of("scrub", zero.toString()));
    }

    /** Inside a folder a FIFO has no content to publish: its name is checked, it is never opened. */
    @Test
    void scrubPassesOverAFifoInAFolderButChecksItsName() throws Exception {
        Path fifo = SpecialFiles.fifo(dir, "from-203.0.113.5");

        CommandRun run = CommandRun.of("scrub", dir.toString());

        assertEquals(new CommandRun(ExitCodes.LEAKS, fifo + ": in the name: IPv4 address '203***'\n",
                "ledger-export scrub: 1 leak found\n"), run);
    }

    /** Gigabytes of one line (NUL bytes) between two leaks: streamed in windows, both found at their lines. */
    @Test
    void scrubStreamsAHugeFileWithOneEnormousLine() throws Exception {
        Path huge = SpecialFiles.sparse(dir.resolve("huge.log"), "ssh alice@pavilion\n", SpecialFiles.HUGE / 16,
                "\nhost 203.0.113.5\n");

        CommandRun run = CommandRun.of("scrub", huge.toString());

        assertEquals(new CommandRun(ExitCodes.LEAKS, huge + ":1: user@host 'alic***'\n" + huge + ":3: IPv4 address '203***'\n",
                "ledger-export scrub: 2 leaks found\n"), run);
    }
}
