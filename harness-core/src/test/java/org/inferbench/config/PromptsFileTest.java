package org.inferbench.config;

import static org.inferbench.config.ConfigFiles.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptsFileTest {

    private static final Function<Path, Prompts> LOAD = PromptsFile::load;

    /** The three frozen prompts as the shipped file writes them. */
    private static final String FROZEN = """
            P-EASY:
              intent: trivial single-token response space
              prompt: |
                hi
              max_tokens: 64
            P-MEDIUM:
              intent: bounded structured task
              prompt: |
                Explain in 4 sentences why the sky appears blue at noon.
              max_tokens: 512
            P-HARD:
              intent: open-ended creative
              prompt: |
                Write a 200-word story about a fisherman who discovers a coin from a sunken empire.
              max_tokens: 1024
            """;

    @TempDir
    Path dir;

    private Path prompts(String text) {
        return ConfigFiles.write(dir, "prompts.yaml", text);
    }

    @Test
    void acceptsNewIdsAndKeepsFileOrder() {
        Prompts prompts = LOAD.apply(prompts("""
                P-NEW1:
                  intent: a long answer
                  prompt: "Count to ten.\\n"
                  max_tokens: 2048
                """ + FROZEN));
        assertEquals(List.of("P-NEW1", "P-EASY", "P-MEDIUM", "P-HARD"), prompts.ids());
        assertEquals(new Prompt("P-NEW1", "a long answer", "Count to ten.\n", 2048), prompts.find("P-NEW1").orElseThrow());
    }

    @Test
    void frozenPromptsMayChangeTheirIntentOnly() {
        Prompts prompts = LOAD.apply(prompts(FROZEN.replace("bounded structured task", "four sentences")));
        assertEquals("four sentences", prompts.find("P-MEDIUM").orElseThrow().intent());
    }

    @Test
    void windowsLineEndingsReadAsTheSameText() {
        Prompts prompts = LOAD.apply(ConfigFiles.write(dir, "prompts.yaml",
                FROZEN.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
        assertEquals(FrozenPrompts.ALL, prompts.all());
    }

    @Test
    void refusesAChangedFrozenText() {
        assertRefused(prompts(FROZEN.replace("    hi\n", "    hi!\n")), LOAD, 3, "prompt",
                "the text of frozen prompt P-EASY differs from the shipped one at character 3: shipped \"hi\\n\","
                        + " found \"hi!\\n\"");
        assertRefused(prompts(FROZEN.replace("prompt: |\n    hi\n", "prompt: hi\n")), LOAD, 3, "prompt",
                "at character 3: shipped \"hi\\n\", found \"hi\"");
        assertRefused(prompts(FROZEN.replace("  prompt: |\n    hi\n", "  prompt: |+\n    hi\n\n")), LOAD, 3, "prompt",
                "frozen prompt P-EASY differs");
        assertRefused(prompts(FROZEN.replace("sunken empire", "sunken  empire")), LOAD, 13, "prompt",
                "at character 77: shipped ...\" coin from a sunken empire.\\n\", found ...\" coin from a sunken  empire.\\n\"");
    }

    @Test
    void refusesAChangedFrozenMaxTokens() {
        assertRefused(prompts(FROZEN.replace("max_tokens: 512", "max_tokens: 513")), LOAD, 10, "max_tokens",
                "max_tokens of frozen prompt P-MEDIUM is 512, found 513; frozen prompts never change");
    }

    @Test
    void refusesAMissingFrozenPrompt() {
        assertRefused(prompts(FROZEN.substring(0, FROZEN.indexOf("P-HARD:"))), LOAD, 1, "P-HARD",
                "frozen prompt P-HARD is missing");
    }

    @Test
    void refusesNonPositiveOrMistypedMaxTokens() {
        String head = "P-NEW1:\n  intent: x\n  prompt: |\n    y\n";
        assertRefused(prompts(head + "  max_tokens: 0\n" + FROZEN), LOAD, 5, "max_tokens", "must be positive, found 0");
        assertRefused(prompts(head + "  max_tokens: -64\n" + FROZEN), LOAD, 5, "max_tokens", "must be positive, found -64");
        assertRefused(prompts(head + "  max_tokens: \"64\"\n" + FROZEN), LOAD, 5, "max_tokens",
                "expected a whole number, found the quoted text \"64\"");
        assertRefused(prompts(head + "  max_tokens: 0x40\n" + FROZEN), LOAD, 5, "max_tokens", "expected a whole number");
        assertRefused(prompts(head + "  max_tokens: 64.5\n" + FROZEN), LOAD, 5, "max_tokens", "expected a whole number");
        assertRefused(prompts(head + "  max_tokens: 99999999999999999999999\n" + FROZEN), LOAD, 5, "max_tokens",
                "is too large: at most 2147483647");
        assertRefused(prompts(head + FROZEN), LOAD, 2, "max_tokens", "is missing from prompt P-NEW1");
    }

    @Test
    void refusesAMissingOrEmptyPromptText() {
        assertRefused(prompts("P-NEW1:\n  intent: x\n  max_tokens: 8\n" + FROZEN), LOAD, 2, "prompt",
                "is missing from prompt P-NEW1");
        assertRefused(prompts("P-NEW1:\n  intent: x\n  prompt:\n  max_tokens: 8\n" + FROZEN), LOAD, 3, "prompt",
                "has no value in prompt P-NEW1");
        assertRefused(prompts("P-NEW1:\n  intent: x\n  prompt: \"\"\n  max_tokens: 8\n" + FROZEN), LOAD, 3, "prompt",
                "the prompt text of P-NEW1 is empty");
        assertRefused(prompts("P-NEW1:\n  intent: x\n  prompt: [a, b]\n  max_tokens: 8\n" + FROZEN), LOAD, 3, "prompt",
                "expected text, found a list");
    }

    @Test
    void refusesMalformedPromptEntries() {
        assertRefused(prompts(FROZEN + "P-NEW1: just text\n"), LOAD, 16, "P-NEW1",
                "prompt P-NEW1 must be a map of keys to values, found \"just text\"");
        assertRefused(prompts(FROZEN + "P-NEW1:\n"), LOAD, 16, "P-NEW1", "has no value in the prompts file");
        assertRefused(prompts(FROZEN + "\"P NEW\":\n  intent: x\n"), LOAD, 17, "P NEW", "a prompt id is letters, digits");
        assertRefused(prompts(FROZEN.replace("  max_tokens: 64\n", "  max_token: 64\n")), LOAD, 5, "max_token",
                "unknown key in prompt P-EASY; did you mean 'max_tokens'?");
        assertRefused(prompts(FROZEN + "P-EASY:\n  intent: again\n"), LOAD, 16, "P-EASY",
                "appears twice in the prompts file (first on line 1)");
        assertRefused(prompts("- P-EASY\n"), LOAD, 1, null, "the prompts file must be a map");
    }
}
