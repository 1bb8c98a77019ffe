package org.inferbench.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.inferbench.bench.preflight.ExitCode;
import org.inferbench.bench.preflight.HarnessExit;
import org.inferbench.config.Defaults;
import org.junit.jupiter.api.Test;

class HarnessOptionsTest {

    @Test
    void harnessOptionsAreTakenOutAndJmhsAreLeftInOrder() {
        HarnessOptions options = HarnessOptions.parse("-p", "cell=a:llamacpp:m", "--cells-yaml", "c.yaml",
                "--ledger-dir=out", "--smoke", "-i", "20", "-rf", "json");

        assertEquals(Path.of("c.yaml"), options.cellsYaml());
        assertEquals(Path.of("out"), options.ledgerDir());
        assertEquals(Path.of(Defaults.PROMPTS_YAML), options.promptsYaml());
        assertTrue(options.has(HarnessFlag.SMOKE));
        assertEquals(List.of("-p", "cell=a:llamacpp:m", "-i", "20", "-rf", "json"), options.jmhArgs());
    }

    @Test
    void jvmArgumentsForJmhStayJmhsEvenWhenTheyStartWithTwoDashes() {
        HarnessOptions options = HarnessOptions.parse("-jvmArgsAppend", "--enable-preview");

        assertEquals(List.of("-jvmArgsAppend", "--enable-preview"), options.jmhArgs());
    }

    @Test
    void missingValueIsAUsageError() {
        HarnessExit exit = assertThrows(HarnessExit.class, () -> HarnessOptions.parse("--prompts-yaml"));

        assertEquals(ExitCode.USAGE, exit.code());
        assertEquals("--prompts-yaml needs a value: --prompts-yaml FILE", exit.getMessage());
    }

    @Test
    void switchGivenAValueIsAUsageError() {
        HarnessExit exit = assertThrows(HarnessExit.class, () -> HarnessOptions.parse("--probe=yes"));

        assertEquals("--probe takes no value", exit.getMessage());
    }
}
