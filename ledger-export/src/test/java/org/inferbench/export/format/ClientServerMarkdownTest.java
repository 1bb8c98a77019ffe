package org.inferbench.export.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.inferbench.export.aggregate.ClientServerSummary;
import org.inferbench.export.aggregate.RunAggregator;
import org.inferbench.export.aggregate.RunSource;
import org.inferbench.export.aggregate.RunSummary;
import org.inferbench.ledger.TestRecords;
import org.inferbench.record.CallRecord;
import org.inferbench.record.Json;
import org.inferbench.record.Phase;
import org.junit.jupiter.api.Test;

/**
 * The client minus the engine: per cell and prompt, first_delta_ms less the engine's prompt time and total less the
 * engine's total, p50 over the warm calls that did not fail and carry timings, the cold call its own row.
 */
class ClientServerMarkdownTest {

    private static final String LLAMA = "pavilion:llamacpp:qwen3.5:0.8b";
    private static final String OLLAMA = "mac:ollama:qwen3.5:0.8b";

    private static CallRecord timed(String cell, Phase phase, int idx, long ttft, long total, String timings)
            throws Exception {
        JsonNode node = Json.mapper().readTree(timings);
        return TestRecords.call(cell, "P-EASY", phase, idx, ttft, total, 20).toBuilder().serverTimings(node).build();
    }

    private static String llama(double promptMs, double predictedMs) {
        return "{\"prompt_n\":12,\"prompt_ms\":" + promptMs + ",\"predicted_n\":20,\"predicted_ms\":" + predictedMs
                + ",\"cache_n\":0}";
    }

    private static RunSummary run() throws Exception {
        RunAggregator aggregator = new RunAggregator();
        aggregator.meta(TestRecords.meta("r"));
        aggregator.call(timed(LLAMA, Phase.COLD, 0, 300, 900, llama(250, 560)));
        aggregator.call(timed(LLAMA, Phase.WARM, 0, 40, 500, llama(30, 450)));
        aggregator.call(timed(LLAMA, Phase.WARM, 1, 44, 510, llama(30, 460)));
        aggregator.call(timed(LLAMA, Phase.WARM, 2, 60, 540, llama(31, 470)));
        aggregator.call(TestRecords.failed(LLAMA, "P-EASY", Phase.WARM, 3, "HTTP 503"));
        aggregator.call(TestRecords.call(LLAMA, "P-EASY", Phase.WARM, 4, 999, 9999, 20));
        aggregator.call(timed(OLLAMA, Phase.COLD, 0, 950, 1100, "{\"load_duration\":900,\"prompt_eval_duration\":20,"
                + "\"eval_duration\":120,\"total_duration\":1050}"));
        return aggregator.summary(RunSource.LEDGER);
    }

    @Test
    void warmGapsAreP50sOfPerCallDifferencesOverTimedCallsThatDidNotFail() throws Exception {
        ClientServerSummary llama = run().clientServer().get(0);

        assertEquals(3, llama.warm().n(), "the failed call and the one without timings are left out");
        assertEquals(14.0, llama.warm().promptGapMs(), "p50 of 10, 14, 29");
        assertEquals(20.0, llama.warm().totalGapMs(), "p50 of 20, 20, 39");
        assertEquals(50.0, llama.cold().promptGapMs());
        assertEquals(90.0, llama.cold().totalGapMs());
    }

    @Test
    void theColdOllamaCallCountsItsLoadAsEngineTime() throws Exception {
        ClientServerSummary ollama = run().clientServer().get(1);

        assertEquals("ollama", ollama.cold().engines());
        assertEquals(30.0, ollama.cold().promptGapMs(), "950 - (20 + 900)");
        assertEquals(50.0, ollama.cold().totalGapMs(), "1100 - 1050");
        assertEquals(null, ollama.warm());
    }

    @Test
    void theSectionComesLastWithAColdAndAWarmRowPerPrompt() throws Exception {
        String markdown = BaselineMarkdown.render(run());

        String section = markdown.substring(markdown.indexOf("\n## Client minus engine\n"));
        assertTrue(section.contains("\n### " + LLAMA + ": client minus engine\n"), section);
        assertTrue(section.contains("| P-EASY | cold | llama.cpp | 1 | 300 | 250 | 50 | 900 | 810 | 90 |\n"), section);
        assertTrue(section.contains("| P-EASY | warm | llama.cpp | 3 | 44 | 30 | 14 | 510 | 490 | 20 |\n"), section);
        assertTrue(section.contains("| P-EASY | cold | ollama | 1 | 950 | 920 | 30 | 1100 | 1050 | 50 |\n"), section);
        assertEquals(-1, section.indexOf("\n## ", 1), "nothing after it");
    }

    @Test
    void aRunWithoutEngineTimingsHasNoSection() {
        RunAggregator aggregator = new RunAggregator();
        aggregator.call(TestRecords.warm(0, 100, 900));

        assertFalse(BaselineMarkdown.render(aggregator.summary(RunSource.LEDGER)).contains("Client minus engine"));
    }
}
