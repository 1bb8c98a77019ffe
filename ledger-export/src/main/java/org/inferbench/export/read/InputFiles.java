package org.inferbench.export.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * Opens the files the user names, refusing what cannot be read as one: a directory, and anything
 * that is not a regular file (a FIFO, {@code /dev/zero}, a socket). Those are refused before they are
 * opened: opening a FIFO waits for a writer that may never come, and a device never ends.
 */
public final class InputFiles {

    private InputFiles() {
    }

    /**
     * Checks that {@code file} is a regular file (following links) and returns its size.
     *
     * @throws java.nio.file.NoSuchFileException when it does not exist
     * @throws InputFormatException              when it is a directory or not a regular file
     */
    public static long requireRegularFile(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (attributes.isDirectory()) {
            throw new InputFormatException(file.toString(), "a directory, not a file");
        }
        if (!attributes.isRegularFile()) {
            throw new InputFormatException(file.toString(),
                    "not a regular file (a FIFO, a device or a socket); give a file, or '-' for standard input");
        }
        return attributes.size();
    }

    /** Checks {@code file} as {@link #requireRegularFile} does and that it is at most {@code limit} bytes. */
    public static long requireRegularFile(Path file, long limit, String what) throws IOException {
        long size = requireRegularFile(file);
        if (size > limit) {
            throw new InputFormatException(file.toString(), tooLarge(what, size, limit));
        }
        return size;
    }

    /** Opens a regular file after {@link #requireRegularFile}. */
    public static InputStream open(Path file) throws IOException {
        requireRegularFile(file);
        return Files.newInputStream(file);
    }

    static String tooLarge(String what, long size, long limit) {
        return String.format(Locale.ROOT, "%s of %s is larger than the %s this tool reads; refused", what,
                size < 0 ? "more than " + mebibytes(limit) : mebibytes(size), mebibytes(limit));
    }

    private static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1 << 20));
    }
}
