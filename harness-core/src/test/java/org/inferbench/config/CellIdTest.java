package org.inferbench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CellIdTest {

    @Test
    void splitsOnTheFirstTwoColonsOnly() {
        CellId id = CellId.parse("pavilion:llamacpp:qwen3.5:0.8b");
        assertEquals("pavilion", id.node());
        assertEquals(Engine.LLAMACPP, id.engine());
        assertEquals("qwen3.5:0.8b", id.model());
        assertEquals("pavilion:llamacpp:qwen3.5:0.8b", id.toString());
    }

    @Test
    void unknownEngineNamesTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CellId.parse("mac:vllm:qwen"));
        assertTrue(e.getMessage().contains("ollama | llamacpp | openai"), e.getMessage());
    }

    @Test
    void rejectsMissingParts() {
        for (String bad : new String[] {"mac", "mac:ollama", "mac:ollama:", ":ollama:m", "mac::m"}) {
            assertThrows(IllegalArgumentException.class, () -> CellId.parse(bad), bad);
        }
    }
}
