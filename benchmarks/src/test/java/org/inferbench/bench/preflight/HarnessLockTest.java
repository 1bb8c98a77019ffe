package org.inferbench.bench.preflight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.inferbench.config.Environment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host lock lives in a directory anyone can write, so whatever sits at its path is hostile until
 * proven a harness's: issue 9, "never follow a symlink, never truncate anything, refuse a directory".
 */
class HarnessLockTest {

    @TempDir
    Path dir;

    @Test
    void aSymbolicLinkAtTheLockPathIsRefusedAndTheFileItPointsAtIsUntouched() throws Exception {
        Path users = Files.writeString(dir.resolve("thesis.txt"), "three years of work\n");
        Path lock = Files.createSymbolicLink(dir.resolve("inferbench.lock"), users);

        HarnessExit refused = assertThrows(HarnessExit.class, () -> HarnessLock.acquire(lock, ProcessHandle.current()));

        assertEquals(ExitCode.ALREADY_RUNNING, refused.code());
        assertEquals("the lock file " + lock + " is a symbolic link; a lock is never followed (it could point at"
                + " anyone's file): remove the link", refused.getMessage());
        assertEquals("three years of work\n", Files.readString(users));
    }

    @Test
    void aDanglingSymbolicLinkIsRefusedAndCreatesNothing() throws Exception {
        Path target = dir.resolve("elsewhere");
        Path lock = Files.createSymbolicLink(dir.resolve("inferbench.lock"), target);

        assertThrows(HarnessExit.class, () -> HarnessLock.acquire(lock, ProcessHandle.current()));

        assertFalse(Files.exists(target), "the link was followed and its target created");
    }

    @Test
    void aDirectoryAtTheLockPathIsOneLine() throws Exception {
        Path lock = Files.createDirectory(dir.resolve("inferbench.lock"));

        HarnessExit refused = assertThrows(HarnessExit.class, () -> HarnessLock.acquire(lock, ProcessHandle.current()));

        assertEquals("the lock file " + lock + " is a directory: remove it", refused.getMessage());
    }

    @Test
    void aFileNoHarnessWroteIsNeitherTruncatedNorOverwritten() throws Exception {
        Path lock = Files.writeString(dir.resolve("inferbench.lock"), "somebody's notes\n");

        HarnessExit refused = assertThrows(HarnessExit.class, () -> HarnessLock.acquire(lock, ProcessHandle.current()));

        assertEquals("the lock file " + lock + " holds 17 bytes that no harness wrote; not overwriting them: move the"
                + " file away if it is nobody's", refused.getMessage());
        assertEquals("somebody's notes\n", Files.readString(lock));
    }

    @Test
    void aHardLinkToAnotherFileIsNotWrittenInto() throws Exception {
        Path other = Files.writeString(dir.resolve("other"), "");
        Path lock = Files.createLink(dir.resolve("inferbench.lock"), other);

        HarnessExit refused = assertThrows(HarnessExit.class, () -> HarnessLock.acquire(lock, ProcessHandle.current()));

        assertTrue(refused.getMessage().endsWith("is a hard link to another file; not writing into it: remove it"),
                refused.getMessage());
        assertEquals("", Files.readString(other));
    }

    @Test
    void aReleasedLockIsEmptyAndTheNextHolderTakesOverFromNobody() throws Exception {
        Path lock = dir.resolve("inferbench.lock");

        HarnessLock first = HarnessLock.acquire(lock, ProcessHandle.current());
        assertTrue(Files.readString(lock).startsWith("pid=" + ProcessHandle.current().pid() + " started="));
        first.close();
        first.close(); // The run's end and a shutdown hook may both release it.

        assertEquals("", Files.readString(lock));
        try (HarnessLock next = HarnessLock.acquire(lock, ProcessHandle.current())) {
            assertTrue(next.takenOverFrom().isEmpty(), next.takenOverFrom().toString());
        }
    }

    @Test
    void theLockIsTheHostsWhateverTheJvmsTempDirectoryAndTheVariableMovesIt() {
        assertEquals(Path.of("/tmp/inferbench.lock"), LockLocation.of(Environment.of(Map.of())));
        assertEquals(dir.resolve("inferbench.lock"),
                LockLocation.of(Environment.of(Map.of(LockLocation.DIRECTORY_VARIABLE, dir.toString()))));
    }
}
