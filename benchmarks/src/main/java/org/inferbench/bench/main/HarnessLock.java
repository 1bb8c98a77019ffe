package org.inferbench.bench.main;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

/**
 * One harness at a time on a host (SPEC section 8): an operating-system lock on a file that also
 * says who holds it, so that a refused run can name the running one.
 *
 * <p>The operating system releases the lock when its process dies, however it dies, so a stale lock
 * cannot block a run; the file then still names the dead process, and the new holder says it took over.
 */
final class HarnessLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;
    private final Optional<String> takenOverFrom;

    private HarnessLock(FileChannel channel, FileLock lock, Optional<String> takenOverFrom) {
        this.channel = channel;
        this.lock = lock;
        this.takenOverFrom = takenOverFrom;
    }

    /**
     * @throws HarnessExit ({@link ExitCode#ALREADY_RUNNING}) naming the holder's pid and start time
     */
    static HarnessLock acquire(Path file, ProcessHandle self) {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            String previous = read(channel);
            if (lock == null) {
                channel.close();
                throw new HarnessExit(ExitCode.ALREADY_RUNNING, "another harness is running on this host: "
                        + (previous.isBlank() ? "(it has not said who it is yet)" : describe(previous))
                        + "; lock " + file);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(holder(self).getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            Optional<String> takenOver = previous.isBlank() ? Optional.empty() : Optional.of(describe(previous));
            return new HarnessLock(channel, lock, takenOver);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the lock file " + file, e);
        }
    }

    /** Who held the lock before, when its holder died without releasing it (the file still named it). */
    Optional<String> takenOverFrom() {
        return takenOverFrom;
    }

    /** Releases the lock and clears the file, so the next harness has nobody to take over from. */
    @Override
    public void close() {
        try {
            channel.truncate(0);
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the lock", e);
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

    private static String read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
        channel.read(buffer, 0);
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
}
