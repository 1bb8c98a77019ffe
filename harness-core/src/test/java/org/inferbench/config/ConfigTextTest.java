package org.inferbench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.inferbench.record.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a JMH fork runs is what the host checked: the text travels (as JSON, in the run context), not the path, so an
 * edit of cells.yaml during a run changes nothing, and an endpoint is interpolated in each JVM, never written resolved.
 */
class ConfigTextTest {

    @TempDir
    Path dir;

    @Test
    void theTextTheHostReadGivesTheSameCellsAfterTheFileChanged() throws Exception {
        Path file = Files.writeString(dir.resolve("cells.yaml"),
                "cells:\n  - id: a:llamacpp:m\n    endpoint: http://${USER_INFO}@127.0.0.1:${PORT}\n");
        ConfigText read = ConfigText.read(file);
        Files.writeString(file, "cells:\n  - id: b:ollama:x\n    endpoint: http://127.0.0.1:1\n");

        ConfigText travelled = Json.mapper().readValue(Json.mapper().writeValueAsString(read), ConfigText.class);
        Environment environment = Environment.of(Map.of("USER_INFO", "u:secret", "PORT", "11436"));
        Cell cell = CellsFile.load(travelled, environment).find(CellId.parse("a:llamacpp:m")).orElseThrow();

        assertEquals(Optional.of("http://u:secret@127.0.0.1:11436"), cell.endpoint());
        assertTrue(!Json.mapper().writeValueAsString(read).contains("secret"), "the text holds the variable's name");
        assertEquals(Optional.empty(), CellsFile.load(travelled, environment).find("not-a-cell-id"));
    }

    @Test
    void aMistakeInTheTravelledTextNamesTheFileAndLine() {
        ConfigText text = new ConfigText("cells.yaml", "cells:\n  - id: a:llamacpp:m\n    endpoint: ftp://x\n");
        ConfigException e = assertThrows(ConfigException.class, () -> CellsFile.load(text, Environment.of(Map.of())));
        assertTrue(e.getMessage().startsWith("cells.yaml:3: key 'endpoint'"), e.getMessage());
    }
}
