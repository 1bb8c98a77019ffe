package org.inferbench.export.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.inferbench.ledger.TestRecords.call;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.inferbench.export.aggregate.RunAggregator;
import org.inferbench.export.aggregate.RunSource;
import org.inferbench.export.compare.Comparison;
import org.inferbench.export.compare.RunComparator;
import org.inferbench.export.testing.Fixtures;
import org.inferbench.record.Phase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ComparisonMarkdownTest {

    /**
     * The golden file was checked by hand: the p50s and means against numpy, every change and verdict against
     * SPEC section 7, the p-values against the normal approximation computed with erfc (see MannWhitneyTest).
     */
    @ParameterizedTest
    @ValueSource(strings = {"", "en-US", "de-DE", "fr-FR"})
    void theSmallRunsComparisonMatchesItsGoldenFileByteForByteInAnyLocale(String languageTag) {
        Locale saved = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag(languageTag));
        try {
            byte[] rendered = render().getBytes(StandardCharsets.UTF_8);
            assertArrayEquals(Fixtures.bytes(Fixtures.SMALL_RUN_COMPARISON), rendered,
                    () -> new String(rendered, StandardCharsets.UTF_8));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void theSameRunsGiveTheSameBytes() {
        assertEquals(render(), render());
    }

    @Test
    void withoutAFlagOnFewCallsNoRerunIsSuggested() {
        Comparison same = RunComparator.compare(Fixtures.summarize(Fixtures.SMALL_RUN_CURRENT),
                Fixtures.summarize(Fixtures.SMALL_RUN_CURRENT));
        RunAggregator twenty = new RunAggregator();
        RunAggregator slower = new RunAggregator();
        for (int i = 0; i < 20; i++) {
            twenty.call(call("a:ollama:m", "P-EASY", Phase.WARM, i, 100, 1000, 50));
            slower.call(call("a:ollama:m", "P-EASY", Phase.WARM, i, 200, 1000, 50));
        }
        Comparison investigated = RunComparator.compare(twenty.summary(RunSource.LEDGER),
                slower.summary(RunSource.LEDGER));

        String rerun = "## Reruns suggested";
        assertTrue(ComparisonMarkdown.render(same, "x", "y").contains(rerun), "the red flag rests on 5 calls");
        String markdown = ComparisonMarkdown.render(investigated, "x", "y");
        assertTrue(markdown.contains("| P-EASY | warm.first_delta_ms.p50 | 100 | 200 | +100.0 % | regression | < 0.001 "
                + "| signal | 20 | 20 |"), markdown);
        assertFalse(markdown.contains(rerun), markdown);
    }

    @Test
    void aRunWithoutItsIdentitySaysSo() {
        String markdown = ComparisonMarkdown.render(RunComparator.compare(Fixtures.summarize(Fixtures.SMALL_RUN),
                Fixtures.summarize(Fixtures.SMALL_RUN_JMH)), "base.jsonl", "results.json");

        assertTrue(markdown.contains("- current: results.json, JMH results JSON, run identity not recorded there\n"
                + "- current unreliable: run identity not recorded (JMH results JSON has no meta record)\n"), markdown);
    }

    private static String render() {
        Comparison comparison = RunComparator.compare(Fixtures.summarize(Fixtures.SMALL_RUN),
                Fixtures.summarize(Fixtures.SMALL_RUN_CURRENT));
        return ComparisonMarkdown.render(comparison, Fixtures.SMALL_RUN, Fixtures.SMALL_RUN_CURRENT);
    }
}
