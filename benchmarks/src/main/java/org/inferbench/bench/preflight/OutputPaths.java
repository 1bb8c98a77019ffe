package org.inferbench.bench.preflight;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a run will write, checked before its first call: the ledger directory ({@code --ledger-dir})
 * and the results file ({@code -rf}/{@code -rff}). A run of an hour must not learn at its end that its
 * results have nowhere to go (JMH would throw then, and the numbers would be lost); a path that cannot
 * work is bad usage, one line, exit 2, before anything is measured.
 *
 * <p>What is checked is what the harness can know without writing: the kind of each path and its
 * directory's permissions. A disk that fills up during the run is the run's business (its {@code RunRecorder}).
 */
public final class OutputPaths {

    private OutputPaths() {
    }

    /**
     * The harness creates the directory and its parents: the nearest existing one must take them.
     *
     * @throws HarnessExit ({@link ExitCode#USAGE}) naming the option, the path and what is wrong
     */
    public static void checkLedgerDirectory(Path dir) {
        String what = "--ledger-dir " + dir;
        if (Files.exists(dir)) {
            if (!Files.isDirectory(dir)) {
                throw new HarnessExit(ExitCode.USAGE, what + " is a file, not a directory");
            }
            requireWritable(what, dir);
            return;
        }
        Path existing = dir.toAbsolutePath().getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new HarnessExit(ExitCode.USAGE, what + ": no part of the path exists");
        }
        if (!Files.isDirectory(existing)) {
            throw new HarnessExit(ExitCode.USAGE, what + ": " + existing + " is a file, not a directory");
        }
        requireWritable(what + ": cannot be created, because " + existing, existing);
    }

    /**
     * JMH writes the file but creates no directory: the parent must exist.
     *
     * @throws HarnessExit ({@link ExitCode#USAGE}) naming the option, the path and what is wrong
     */
    public static void checkResultsFile(Path file) {
        String what = "-rff " + file;
        if (Files.isDirectory(file)) {
            throw new HarnessExit(ExitCode.USAGE, what + " is a directory; name the file to write");
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new HarnessExit(ExitCode.USAGE, what + " is not writable");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null || !Files.exists(parent)) {
            throw new HarnessExit(ExitCode.USAGE, what + ": the directory " + parent + " does not exist");
        }
        if (!Files.isDirectory(parent)) {
            throw new HarnessExit(ExitCode.USAGE, what + ": " + parent + " is a file, not a directory");
        }
        if (!Files.exists(file)) {
            requireWritable(what + ": cannot be created, because " + parent, parent);
        }
    }

    private static void requireWritable(String what, Path dir) {
        if (!Files.isWritable(dir)) {
            throw new HarnessExit(ExitCode.USAGE, what + " is not writable");
        }
    }
}
