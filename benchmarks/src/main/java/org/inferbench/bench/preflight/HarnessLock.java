package org.inferbench.bench.preflight;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One harness at a time on a host (SPEC section 8): an operating-system lock on a file that also
 * says who holds it, so that a refused run can name the running one.
 *
 * <p>The operating system releases the lock when its process dies, however it dies, so a stale lock
 * cannot block a run; the file then still names the dead process, and the new holder says it took over.
 *
 * <p>The lock lives in a directory every user can write ({@link LockLocation}), so the file at its
 * path is not trusted: a symbolic link is never followed (it could point at a user's file), a
 * directory or any other non-regular file is refused, and the file's content is replaced only once
 * the lock is held and the content is known to be a harness's (empty, or {@code pid=... started=...}).
 * Every refusal is one line and {@link ExitCode#ALREADY_RUNNING}: the lock is what stops the run.
 */
public final class HarnessLock implements AutoCloseable {

    /** What a harness writes into the file: nothing else is ever overwritten. */
    private static final Pattern HOLDER = Pattern.compile("pid=\\d+ started=\\S+");

    /** A holder line is about 60 bytes; a bigger file is not a harness's. */
    private static final int MAX_HOLDER_BYTES = 4096;

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final Optional<String> takenOverFrom;
    private boolean released;

    private HarnessLock(Path file, FileChannel channel, FileLock lock, Optional<String> takenOverFrom) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.takenOverFrom = takenOverFrom;
    }

    /**
     * Takes the host's lock for {@code self}, or refuses.
     *
     * @throws HarnessExit ({@link ExitCode#ALREADY_RUNNING}) naming the holder's pid and start time, or
     *                     saying why the file at {@code file} cannot be a lock
     */
    public static HarnessLock acquire(Path file, ProcessHandle self) {
        refuseNonRegular(file);
        FileChannel channel = open(file);
        try {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String holder = readHolder(channel);
                throw new HarnessExit(ExitCode.ALREADY_RUNNING, "another harness is running on this host: "
                        + (holder.isBlank() || !HOLDER.matcher(holder).matches() ? "(it has not said who it is yet)"
                        : describe(holder)) + "; lock " + file);
            }
            refuseForeign(file, channel);
            String previous = readHolder(channel);
            byte[] holder = holder(self).getBytes(StandardCharsets.UTF_8);
            channel.write(ByteBuffer.wrap(holder), 0);
            channel.truncate(holder.length);
            channel.force(false);
            Optional<String> takenOver = previous.isBlank() ? Optional.empty() : Optional.of(describe(previous));
            HarnessLock acquired = new HarnessLock(file, channel, lock, takenOver);
            channel = null;
            return acquired;
        } catch (IOException e) {
            throw new HarnessExit(ExitCode.ALREADY_RUNNING, "cannot use the lock file " + file + ": " + reason(e));
        } finally {
            closeQuietly(channel);
        }
    }

    /** Who held the lock before, when its holder died without releasing it (the file still named it). */
    public Optional<String> takenOverFrom() {
        return takenOverFrom;
    }

    /** The file this lock is on. */
    Path file() {
        return file;
    }

    /**
     * Clears the file and releases the lock, so the next harness has nobody to take over from.
     * Idempotent: the run's end and a shutdown hook (Ctrl-C, SIGTERM) may both call it.
     *
     * @throws HarnessExit ({@link ExitCode#INTERNAL}) when the file cannot be cleared; the lock itself
     *                     goes with the process anyway
     */
    @Override
    public synchronized void close() {
        if (released) {
            return;
        }
        released = true;
        try {
            channel.truncate(0);
            channel.force(false);
            lock.release();
            channel.close();
        } catch (IOException e) {
            closeQuietly(channel);
            throw new HarnessExit(ExitCode.INTERNAL, "cannot release the lock " + file + ": " + reason(e));
        }
    }

    /** A symbolic link, a directory, a FIFO, a device: never opened (NOFOLLOW below closes the race). */
    private static void refuseNonRegular(Path file) {
        if (Files.isSymbolicLink(file)) {
            throw new HarnessExit(ExitCode.ALREADY_RUNNING, "the lock file " + file + " is a symbolic link; a lock"
                    + " is never followed (it could point at anyone's file): remove the link");
        }
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new HarnessExit(ExitCode.ALREADY_RUNNING, "the lock file " + file + " is a directory: remove it");
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new HarnessExit(ExitCode.ALREADY_RUNNING, "the lock file " + file + " is not a regular file:"
                    + " remove it");
        }
    }

    private static FileChannel open(Path file) {
        try {
            // No TRUNCATE_EXISTING: nothing is cut before the file is known to be a harness's.
            return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new HarnessExit(ExitCode.ALREADY_RUNNING, "cannot open the lock file " + file + ": " + reason(e)
                    + (e instanceof AccessDeniedException ? " (another user's harness? " + LockLocation.DIRECTORY_VARIABLE
                    + " moves the lock)" : ""));
        }
    }

    /** The file holds something a harness did not write, or is a hard link to another file: not overwritten. */
    private static void refuseForeign(Path file, FileChannel channel) throws IOException {
        long size = channel.size();
        String content = size > MAX_HOLDER_BYTES ? null : readHolder(channel);
        if (content == null || !(content.isEmpty() || HOLDER.matcher(content).matches())) {
            throw new HarnessExit(ExitCode.ALREADY_RUNNING, "the lock file " + file + " holds " + size + " bytes that"
                    + " no harness wrote; not overwriting them: move the file away if it is nobody's");
        }
        if (linkCount(file) > 1) {
            throw new HarnessExit(ExitCode.ALREADY_RUNNING, "the lock file " + file + " is a hard link to another file;"
                    + " not writing into it: remove it");
        }
    }

    private static int linkCount(Path file) {
        try {
            return (Integer) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return 1; // Not a Unix file system: no hard links to fear.
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // Held by this very JVM (only tests run two harnesses in one JVM).
            return null;
        }
    }

    private static String holder(ProcessHandle self) {
        Instant start = self.info().startInstant().orElse(Instant.now());
        return "pid=" + self.pid() + " started=" + start + "\n";
    }

    /** The file's first bytes (bounded), stripped. */
    private static String readHolder(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), MAX_HOLDER_BYTES));
        while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
            // Read until full or at the end.
        }
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
    }

    /** "pid 123 (started 2026-...Z, still running)" from the file's "pid=123 started=...". */
    private static String describe(String content) {
        String pid = field(content, "pid");
        String started = field(content, "started");
        String state;
        try {
            state = ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false)
                    ? "still running" : "no longer running";
        } catch (NumberFormatException e) {
            state = "unknown state";
        }
        return "pid " + pid + " (started " + started + ", " + state + ")";
    }

    private static String field(String content, String name) {
        for (String part : content.split("\\s+")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1);
            }
        }
        return "?";
    }

    /** "Permission denied", "Too many levels of symbolic links": the operating system's words, not a class name. */
    private static String reason(IOException e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // Closing releases nothing we still need; the process's end would close it anyway.
        }
    }
}
