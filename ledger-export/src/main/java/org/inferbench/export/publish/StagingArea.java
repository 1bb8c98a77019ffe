package org.inferbench.export.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A hidden folder inside the archive where a publication is written whole and checked before it is
 * moved into place by a rename, so a reader of the archive (or a crash) never meets a half-written
 * run or catalogue. Being inside the archive keeps the rename on one file system; being hidden and
 * outside {@code runs/} keeps the catalogue from ever indexing it. Closing deletes whatever is left.
 */
final class StagingArea implements AutoCloseable {

    private final Path dir;

    private StagingArea(Path dir) {
        this.dir = dir;
    }

    static StagingArea in(Path archive) throws IOException {
        Files.createDirectories(archive);
        return new StagingArea(Files.createTempDirectory(archive, ".staging-"));
    }

    Path dir() {
        return dir;
    }

    /**
     * Moves {@code staged} (a file or a folder in this area) to {@code target}, unless the target
     * already holds the same bytes. A folder that exists is replaced by two renames: the old one
     * into this area, the new one into place.
     */
    PublishOutcome publish(Path staged, Path target) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
            return PublishOutcome.CREATED;
        }
        if (sameBytes(staged, target)) {
            return PublishOutcome.UNCHANGED;
        }
        if (Files.isDirectory(target)) {
            Files.move(target, Files.createTempDirectory(dir, "previous-").resolve("run"), StandardCopyOption.ATOMIC_MOVE);
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        } else {
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        return PublishOutcome.REPLACED;
    }

    @Override
    public void close() throws IOException {
        deleteTree(dir);
    }

    /** Two files with equal bytes, or two folders with the same files (by relative name) with equal bytes. */
    static boolean sameBytes(Path a, Path b) throws IOException {
        if (Files.isDirectory(a) != Files.isDirectory(b)) {
            return false;
        }
        if (!Files.isDirectory(a)) {
            return Files.mismatch(a, b) == -1;
        }
        List<Path> filesA = relativeFiles(a);
        if (!filesA.equals(relativeFiles(b))) {
            return false;
        }
        for (Path file : filesA) {
            if (Files.mismatch(a.resolve(file), b.resolve(file)) != -1) {
                return false;
            }
        }
        return true;
    }

    private static List<Path> relativeFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> deepestFirst;
        try (Stream<Path> walk = Files.walk(root)) {
            deepestFirst = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : deepestFirst) {
            Files.delete(path);
        }
    }
}
