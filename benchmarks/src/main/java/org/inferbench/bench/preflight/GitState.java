package org.inferbench.bench.preflight;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The working tree the harness runs from (SPEC sections 5 and 8).
 *
 * @param sha        the commit checked out; null outside a git repository, without git, or before the first commit
 * @param root       the repository's top directory; null outside a repository
 * @param dirtyFiles uncommitted files (changed, staged or untracked), relative to {@code root}
 */
public record GitState(String sha, Path root, List<String> dirtyFiles) {

    public GitState {
        dirtyFiles = List.copyOf(dirtyFiles);
    }

    /** Not in a git repository (or no git): nothing to check, nothing to record. */
    static GitState none() {
        return new GitState(null, null, List.of());
    }

    /** Whether the harness runs inside a git repository. */
    public boolean repository() {
        return root != null;
    }

    /** The dirty files, less those under {@code ledgerDir}: a run's own output does not make the tree dirty. */
    public List<String> dirtyFilesOutside(Path ledgerDir) {
        if (root == null) {
            return dirtyFiles;
        }
        Path ledger = ledgerDir.toAbsolutePath().normalize();
        return dirtyFiles.stream().filter(file -> !root.resolve(file).toAbsolutePath().normalize().startsWith(ledger))
                .toList();
    }

    /**
     * The paths of {@code git status --porcelain -z}: entries {@code XY path} separated by NUL; a
     * rename or copy is followed by one more entry, the original path, which is skipped.
     */
    static List<String> parsePorcelainZ(String output) {
        List<String> files = new ArrayList<>();
        String[] entries = output.split("\0");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i];
            if (entry.length() < 4) {
                continue;
            }
            files.add(entry.substring(3));
            if (entry.charAt(0) == 'R' || entry.charAt(0) == 'C') {
                i++;
            }
        }
        return files;
    }
}
