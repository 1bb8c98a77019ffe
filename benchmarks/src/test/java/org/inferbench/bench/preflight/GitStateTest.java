package org.inferbench.bench.preflight;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class GitStateTest {

    @Test
    void porcelainZListsChangedStagedAndUntrackedFilesAndSkipsTheOriginalOfARename() {
        String output = " M src/A.java\0A  src/B.java\0R  new name.txt\0old name.txt\0?? notes.txt\0";

        assertEquals(List.of("src/A.java", "src/B.java", "new name.txt", "notes.txt"), GitState.parsePorcelainZ(output));
    }

    @Test
    void cleanTreeHasNoDirtyFiles() {
        assertEquals(List.of(), GitState.parsePorcelainZ(""));
    }

    @Test
    void filesUnderTheLedgerDirectoryDoNotMakeTheTreeDirty() {
        GitState git = new GitState("abc", Path.of("/repo"), List.of("docs/runs/x.jsonl", "docs/runs/x.log", "README.md"));

        assertEquals(List.of("README.md"), git.dirtyFilesOutside(Path.of("/repo/docs/runs")));
    }
}
