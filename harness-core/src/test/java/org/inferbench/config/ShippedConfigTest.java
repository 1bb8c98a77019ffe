package org.inferbench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The files in the repository root load, and say what the README and SPEC promise. */
class ShippedConfigTest {

    private static final Environment PAVILION_OLLAMA_ONLY =
            Environment.of(Map.of("PAVILION_OLLAMA_URL", "http://203.0.113.7:11434/"));

    private final Cells cells = CellsFile.load(ConfigFiles.repoRoot().resolve(Defaults.CELLS_YAML), PAVILION_OLLAMA_ONLY);
    private final Prompts prompts = PromptsFile.load(ConfigFiles.repoRoot().resolve(Defaults.PROMPTS_YAML));

    @Test
    void declaresTheReferenceClusterAndTheLocalCellInFileOrder() {
        assertEquals(List.of(
                "mac:ollama:qwen3.5:0.8b",
                "mac:llamacpp:qwen3.5:0.8b",
                "mac:ollama:qwen2.5-coder:0.5b",
                "mac:ollama:qwen2.5-coder:1.5b",
                "pavilion:ollama:qwen3.5:0.8b",
                "pavilion:llamacpp:qwen3.5:0.8b",
                "predator:ollama:qwen3.5:0.8b",
                "predator:llamacpp:qwen3.5:0.8b",
                "local:llamacpp:tiny"), cells.ids());
        assertTrue(cells.all().stream().allMatch(cell -> cell.enabled() && cell.cold()));
        assertTrue(cells.all().stream().allMatch(cell -> cell.ggufSha256().isEmpty() && cell.apiKeyEnv().isEmpty()));
    }

    @Test
    void macCellsCallLoopbackOnTheEnginesPorts() {
        assertEquals(Optional.of("http://127.0.0.1:11434"), cells.find("mac:ollama:qwen3.5:0.8b").orElseThrow().endpoint());
        assertEquals(Optional.of("http://127.0.0.1:11436"), cells.find("mac:llamacpp:qwen3.5:0.8b").orElseThrow().endpoint());
        assertEquals(Optional.of("http://127.0.0.1:11434"),
                cells.find("mac:ollama:qwen2.5-coder:1.5b").orElseThrow().endpoint());
    }

    @Test
    void remoteCellsTakeTheirEndpointFromTheEnvironmentOrSayWhichVariableIsMissing() {
        Cell pavilionOllama = cells.find("pavilion:ollama:qwen3.5:0.8b").orElseThrow();
        assertEquals(Optional.of("http://203.0.113.7:11434"), pavilionOllama.endpoint(), "trailing slash dropped");
        assertEquals(Optional.empty(), pavilionOllama.unsetReason());

        Cell predatorLlamacpp = cells.find("predator:llamacpp:qwen3.5:0.8b").orElseThrow();
        assertEquals(Optional.empty(), predatorLlamacpp.endpoint());
        assertEquals(Optional.of("endpoint variable PREDATOR_LLAMACPP_URL is not set"), predatorLlamacpp.unsetReason());
        assertEquals(Optional.of("endpoint variable PAVILION_LLAMACPP_URL is not set"),
                cells.find("pavilion:llamacpp:qwen3.5:0.8b").orElseThrow().unsetReason());
        assertEquals(Optional.of("endpoint variable PREDATOR_OLLAMA_URL is not set"),
                cells.find("predator:ollama:qwen3.5:0.8b").orElseThrow().unsetReason());
    }

    @Test
    void localCellDefaultsToTheQuickStartServerAndFollowsItsVariable() {
        Cell local = cells.find("local:llamacpp:tiny").orElseThrow();
        assertEquals(Optional.of("http://127.0.0.1:18080"), local.endpoint());
        assertEquals(Engine.LLAMACPP, local.engine());
        assertEquals("tiny", local.model());

        Cells moved = CellsFile.load(ConfigFiles.repoRoot().resolve(Defaults.CELLS_YAML),
                Environment.of(Map.of("INFERBENCH_LOCAL_URL", "http://127.0.0.1:28080")));
        assertEquals(Optional.of("http://127.0.0.1:28080"), moved.find("local:llamacpp:tiny").orElseThrow().endpoint());
    }

    @Test
    void shippedPromptsAreTheFrozenOnesByteForByte() {
        assertEquals(FrozenPrompts.ALL, prompts.all());
        assertEquals(List.of("P-EASY", "P-MEDIUM", "P-HARD"), prompts.ids());
        assertEquals("hi\n", prompts.find("P-EASY").orElseThrow().text());
        assertEquals(3, prompts.find("P-EASY").orElseThrow().text().getBytes(StandardCharsets.UTF_8).length);
        assertEquals("Explain in 4 sentences why the sky appears blue at noon.\n",
                prompts.find("P-MEDIUM").orElseThrow().text());
        assertEquals("Write a 200-word story about a fisherman who discovers a coin from a sunken empire.\n",
                prompts.find("P-HARD").orElseThrow().text());
        assertEquals(List.of(64, 512, 1024), prompts.all().stream().map(Prompt::maxTokens).toList());
        assertEquals("trivial single-token response space", prompts.find("P-EASY").orElseThrow().intent());
    }

    @Test
    void promptHashesAreTheSha256OfTheUtf8Text() {
        // printf 'hi\n' | sha256sum
        assertEquals("98ea6e4f216f2fb4b69fff9b3a44842c38686ca685f3f55dc48c5d3fb1107be4",
                Prompts.sha256(FrozenPrompts.P_EASY));
        assertEquals(List.of("P-EASY", "P-MEDIUM", "P-HARD"), List.copyOf(prompts.sha256ById().keySet()));
        assertEquals(Prompts.sha256(FrozenPrompts.P_HARD), prompts.sha256ById().get("P-HARD"));
    }

    @Test
    void shippedFilesHoldNoPrivateNetworkAddress() throws Exception {
        for (String name : List.of(Defaults.CELLS_YAML, Defaults.PROMPTS_YAML)) {
            String text = Files.readString(ConfigFiles.repoRoot().resolve(name));
            assertFalse(text.matches("(?s).*\\b(10\\.\\d+|192\\.168|172\\.(1[6-9]|2\\d|3[01]))\\.\\d+\\.\\d+.*"), name);
        }
    }
}
