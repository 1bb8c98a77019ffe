package org.inferbench.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.inferbench.record.Json;
import org.inferbench.record.LedgerLine;
import org.inferbench.record.MetaRecord;

/**
 * Appends a run's lines to its ledger as they happen (SPEC section 5: a run that dies midway keeps
 * every call already written).
 *
 * <p>Each line goes to the file in a single {@code write} of its whole bytes, newline included, with
 * no buffer in this process: once {@link #append} returns, the line is the operating system's, and
 * killing the JVM cannot lose it. A kill leaves whole lines; should a line ever be cut (a full disk, a
 * power cut), it is the last one, which {@link LedgerReader} reads as a run that was cut off. Lines are
 * not forced to the disk one by one (that would cost a disk flush per call); {@link #finish} forces
 * everything.
 *
 * <p>{@link #finish} fills in what is known only at the end by rewriting line 1 atomically: a
 * reader sees either the old meta or the new one, never a mix, and every call is kept.
 * {@link #close()} without {@code finish} leaves {@code finished_at_utc} null, which is how a
 * ledger says its run did not finish. Thread-safe.
 */
public final class LedgerWriter implements AutoCloseable {

    private static final byte NEWLINE = '\n';

    private final Path file;
    private FileChannel channel;

    private LedgerWriter(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /**
     * Creates the ledger (and its directory) with the meta record as line 1.
     *
     * @throws java.nio.file.FileAlreadyExistsException if the file exists: a ledger is never overwritten
     */
    public static LedgerWriter create(Path file, MetaRecord meta) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        LedgerWriter writer = new LedgerWriter(file, channel);
        try {
            writer.writeLine(meta);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return writer;
    }

    public Path file() {
        return file;
    }

    /**
     * Writes one call or skipped line and hands it to the operating system before returning.
     *
     * @throws IllegalArgumentException for a meta record: the meta is line 1, updated by {@link #finish}
     * @throws IllegalStateException after {@link #finish} or {@link #close}
     */
    public synchronized void append(LedgerLine line) throws IOException {
        if (line instanceof MetaRecord) {
            throw new IllegalArgumentException("the meta record is line 1; finish(meta) updates it");
        }
        writeLine(line);
    }

    /**
     * Replaces line 1 with {@code finishedMeta}, keeping every other line, and closes the ledger. The new
     * file is written beside the old one, forced to the disk, then moved over it in one atomic step, so a
     * crash at any point leaves a whole ledger (the old one, or the new one).
     */
    public synchronized void finish(MetaRecord finishedMeta) throws IOException {
        FileChannel open = openChannel();
        open.force(true);
        open.close();
        channel = null;

        // A plain sibling, not Files.createTempFile: that one is private (0600) and the ledger would become so.
        Path temp = file.resolveSibling(file.getFileName() + ".finishing");
        try {
            writeWithNewFirstLine(temp, finishedMeta);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        forceDirectory(file.toAbsolutePath().getParent());
    }

    /** Writes {@code meta} then every line of the ledger after its first into {@code temp}, and forces it to the disk. */
    private void writeWithNewFirstLine(Path temp, MetaRecord meta) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                     StandardOpenOption.WRITE)) {
            writeFully(out, lineBytes(meta));
            long size = in.size();
            for (long pos = afterFirstLine(in); pos < size; ) {
                pos += in.transferTo(pos, size - pos, out);
            }
            out.force(true);
        }
    }

    /** Closes without finishing: the meta keeps {@code finished_at_utc} null. Idempotent. */
    @Override
    public synchronized void close() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }

    /**
     * A write that fails part-way (a full disk) is taken back: the file is cut to where the line began, so the
     * ledger never holds half a line followed by whole ones. If even the cut fails, the half line is the last
     * line, which the reader reports as a run cut off.
     */
    private void writeLine(LedgerLine line) throws IOException {
        FileChannel out = openChannel();
        long start = out.size();
        try {
            writeFully(out, lineBytes(line));
        } catch (IOException e) {
            try {
                out.truncate(start);
            } catch (IOException cutFailed) {
                e.addSuppressed(cutFailed);
            }
            throw e;
        }
    }

    private FileChannel openChannel() {
        if (channel == null) {
            throw new IllegalStateException("ledger " + file + " is closed");
        }
        return channel;
    }

    private static ByteBuffer lineBytes(LedgerLine line) {
        byte[] json;
        try {
            json = Json.mapper().writeValueAsBytes(line);
        } catch (IOException e) {
            // Our own records always serialize; this would be a programming error.
            throw new UncheckedIOException(e);
        }
        ByteBuffer buffer = ByteBuffer.allocate(json.length + 1);
        buffer.put(json).put(NEWLINE).flip();
        return buffer;
    }

    /**
     * One {@code write} call hands a regular file the whole buffer; the loop is only the channel
     * contract's due, for a write that reports fewer bytes.
     */
    private static void writeFully(FileChannel out, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }

    /** The offset just past line 1's newline, or the size of the file if it has a single line. */
    private static long afterFirstLine(FileChannel in) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        long pos = 0;
        while (in.read(buffer, pos) > 0) {
            buffer.flip();
            while (buffer.hasRemaining()) {
                pos++;
                if (buffer.get() == NEWLINE) {
                    return pos;
                }
            }
            buffer.clear();
        }
        return pos;
    }

    /**
     * Makes the rename itself durable. Best effort: some file systems and platforms cannot open a
     * directory for syncing, and the data is already safe in the file by then.
     */
    private static void forceDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // Not supported here (e.g. Windows); nothing else to do.
        }
    }
}
