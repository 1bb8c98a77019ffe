package org.inferbench.config;

import static org.inferbench.config.ConfigFiles.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the YAML layer refuses before any key is read: bad bytes, hostile structure, oversized files. */
class YamlLimitsTest {

    private static final Function<Path, Cells> LOAD = file -> CellsFile.load(file, Environment.of(Map.of()));

    private static final String ONE_CELL = "cells:\n  - id: a:ollama:m\n    endpoint: http://127.0.0.1:1\n";

    @TempDir
    Path dir;

    private Path cells(String text) {
        return ConfigFiles.write(dir, "cells.yaml", text);
    }

    @Test
    void refusesBytesThatAreNotUtf8AtTheirLine() {
        byte[] latin1 = (ONE_CELL + "    # caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1);
        assertRefused(ConfigFiles.write(dir, "cells.yaml", latin1), LOAD, 4, null, "not UTF-8 text: byte 0xe9");
    }

    @Test
    void refusesControlCharactersAtTheirLine() {
        assertRefused(cells(ONE_CELL.replace("a:ollama:m", "a:ollama:m\u0007")), LOAD, 2, null,
                "character U+0007 is not allowed");
    }

    @Test
    void acceptsAByteOrderMark() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = ONE_CELL.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, withBom, 0, bom.length);
        System.arraycopy(text, 0, withBom, bom.length, text.length);
        assertEquals(java.util.List.of("a:ollama:m"), LOAD.apply(ConfigFiles.write(dir, "cells.yaml", withBom)).ids());
    }

    @Test
    void refusesAnOversizedFileWithoutReadingIt() {
        String huge = ONE_CELL + ("# padding " + "x".repeat(100) + "\n").repeat(Defaults.MAX_CONFIG_FILE_BYTES / 100);
        assertRefused(cells(huge), LOAD, 1, null, "more than the 1048576 a configuration file may have");
    }

    /** Sparse: a huge size on disk costs nothing to make, and must cost nothing to refuse. */
    @Test
    void refusesAHugeSparseFileWithoutReadingIt() throws IOException {
        Path huge = dir.resolve("cells.yaml");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(8L << 30); // 8 GiB
        }
        assertRefused(huge, LOAD, 1, null, "the file has 8589934592 bytes, more than the 1048576");
    }

    @Test
    void refusesADirectoryInOneLine() {
        ConfigException e = assertThrows(ConfigException.class, () -> LOAD.apply(dir));
        assertEquals(dir + ": is a directory, not a file", e.getMessage());
    }

    /** Opening a FIFO blocks until someone writes to it: it must be refused before it is opened. */
    @Test
    void refusesAFifoWithoutOpeningIt() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX only");
        Path fifo = dir.resolve("cells.yaml");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
        assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo unavailable");

        ConfigException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(ConfigException.class, () -> LOAD.apply(fifo)));
        assertEquals(fifo + ": not a regular file (a device, a FIFO or a socket); give the path of a YAML file",
                e.getMessage());
    }

    /** {@code /dev/zero} says it has 0 bytes and never ends. */
    @Test
    void refusesADevice() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "no /dev/zero");

        ConfigException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(ConfigException.class, () -> PromptsFile.load(zero)));
        assertTrue(e.getMessage().startsWith("/dev/zero: not a regular file"), e.getMessage());
    }

    @Test
    void refusesABillionLaughsFile() {
        StringBuilder bomb = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (char level = 'b'; level <= 'j'; level++) {
            char previous = (char) (level - 1);
            bomb.append(level).append(": &").append(level).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, "*" + previous))).append("]\n");
        }
        bomb.append("cells: *j\n");
        assertRefused(cells(bomb.toString()), LOAD, 4, null, "Number of aliases for non-scalar nodes exceeds");
    }

    @Test
    void refusesDeepNesting() {
        String deep = "cells: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
        assertRefused(cells(deep), LOAD, 1, null, "Nesting Depth exceeded max " + Defaults.MAX_YAML_NESTING);
    }

    @Test
    void refusesTagsNamingJavaTypes() {
        assertRefused(cells(ONE_CELL + "    cold: !!javax.script.ScriptEngineManager [x]\n"), LOAD, 4, null,
                "Global tag is not allowed");
    }

    @Test
    void refusesSeveralDocuments() {
        assertRefused(cells(ONE_CELL + "---\n" + ONE_CELL), LOAD, 4, null, "expected a single document");
    }

    @Test
    void refusesAnUndefinedAlias() {
        assertRefused(cells(ONE_CELL + "    cold: *nothing\n"), LOAD, 4, null, "found undefined alias nothing");
    }

    @Test
    void acceptsAnAliasOfAScalar() {
        Cells cells = LOAD.apply(cells("""
                cells:
                  - id: a:ollama:m
                    endpoint: &loopback http://127.0.0.1:11434
                  - id: b:ollama:m
                    endpoint: *loopback
                """));
        assertEquals(Optional.of("http://127.0.0.1:11434"), cells.find("b:ollama:m").orElseThrow().endpoint());
    }

    @Test
    void refusesAListThatContainsItself() {
        assertRefused(cells("cells: &self [*self]\n"), LOAD, 1, "cells", "a cell must be a map of keys to values, found a list");
    }
}
