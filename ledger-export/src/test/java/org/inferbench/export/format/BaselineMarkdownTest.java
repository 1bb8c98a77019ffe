package org.inferbench.export.format;

import static org.inferbench.ledger.TestRecords.call;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.inferbench.export.aggregate.RunAggregator;
import org.inferbench.export.aggregate.RunSource;
import org.inferbench.export.testing.Fixtures;
import org.inferbench.record.Phase;
import org.inferbench.record.SkippedRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BaselineMarkdownTest {

    /**
     * The golden file was checked by hand: every percentile against numpy, every format against the rules
     * (whole ms, one decimal for tokens/s, two for rates). Locales with a decimal comma must not leak in.
     */
    @ParameterizedTest
    @ValueSource(strings = {"", "en-US", "de-DE", "fr-FR"})
    void theSmallRunMatchesItsGoldenFileByteForByteInAnyLocale(String languageTag) {
        Locale saved = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag(languageTag));
        try {
            byte[] rendered = BaselineMarkdown.render(Fixtures.summarize(Fixtures.SMALL_RUN))
                    .getBytes(StandardCharsets.UTF_8);
            assertArrayEquals(Fixtures.bytes(Fixtures.SMALL_RUN_MARKDOWN), rendered,
                    () -> new String(rendered, StandardCharsets.UTF_8));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void theSameInputGivesTheSameBytes() {
        assertEquals(BaselineMarkdown.render(Fixtures.summarize(Fixtures.SMALL_RUN)),
                BaselineMarkdown.render(Fixtures.summarize(Fixtures.SMALL_RUN)));
    }

    @Test
    void p95IsMarkedOnlyBelowTwentySamples() {
        RunAggregator twenty = new RunAggregator();
        RunAggregator nineteen = new RunAggregator();
        for (int i = 0; i < 20; i++) {
            twenty.call(call("a:ollama:m", "P-EASY", Phase.WARM, i, 100 + i, 1000 + i, 10));
            if (i < 19) {
                nineteen.call(call("a:ollama:m", "P-EASY", Phase.WARM, i, 100 + i, 1000 + i, 10));
            }
        }
        String withTwenty = BaselineMarkdown.render(twenty.summary(RunSource.LEDGER));
        String withNineteen = BaselineMarkdown.render(nineteen.summary(RunSource.LEDGER));

        assertFalse(withTwenty.contains("†"), withTwenty);
        assertTrue(withNineteen.contains("| 117† |"), withNineteen);
        assertTrue(withNineteen.endsWith("† p95 with n < 20 is close to the maximum.\n"), withNineteen);
    }

    @Test
    void aReasonCannotBreakATable() {
        RunAggregator aggregator = new RunAggregator();
        aggregator.skipped(SkippedRecord.of("a:ollama:m", "P-EASY", "bad | reason\nsplit"));

        String markdown = BaselineMarkdown.render(aggregator.summary(RunSource.LEDGER));

        assertTrue(markdown.contains("| a:ollama:m | skipped: bad \\| reason split |"), markdown);
    }

    @Test
    void unreliableReasonsComeFirst() {
        String markdown = BaselineMarkdown.render(Fixtures.summarize(Fixtures.SMALL_RUN_JMH));
        assertTrue(markdown.startsWith(
                "unreliable: run identity not recorded (JMH results JSON has no meta record)\n\n# Baseline\n\n"
                        + "- source: JMH results JSON; run identity not recorded there\n"), markdown);
    }
}
