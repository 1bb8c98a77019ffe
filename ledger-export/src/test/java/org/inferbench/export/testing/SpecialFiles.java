package org.inferbench.export.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Files no tool should try to read whole, made cheaply: a FIFO (opening one waits for a writer that
 * never comes), a sparse file of gigabytes (a few blocks on disk), {@code /dev/zero} (it never ends).
 * Tests that need a POSIX system are skipped elsewhere.
 */
public final class SpecialFiles {

    /** Larger than any limit of ledger-export and than what fits in a Java array. */
    public static final long HUGE = 3L << 30;

    private SpecialFiles() {
    }

    /** A FIFO with no writer; the test is skipped where {@code mkfifo} is not there. */
    public static Path fifo(Path dir, String name) throws IOException, InterruptedException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "not a POSIX system");
        Path fifo = dir.resolve(name);
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
        } catch (IOException noMkfifo) {
            assumeTrue(false, "no mkfifo: " + noMkfifo.getMessage());
            throw noMkfifo;
        }
        assumeTrue(mkfifo.waitFor(30, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo failed");
        return fifo;
    }

    /** {@code /dev/zero}; the test is skipped where there is none. */
    public static Path devZero() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "no /dev/zero");
        return zero;
    }

    /**
     * {@code head}, then zero bytes up to {@code size}, then {@code tail}: one enormous line (NUL is not a
     * line end) between the two, sparse on disk.
     */
    public static Path sparse(Path file, String head, long size, String tail) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.write(head.getBytes(StandardCharsets.UTF_8));
            raf.setLength(size);
            raf.seek(size);
            raf.write(tail.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }
}
