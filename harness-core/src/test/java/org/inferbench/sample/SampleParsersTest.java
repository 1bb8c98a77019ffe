package org.inferbench.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.inferbench.config.Defaults;
import org.inferbench.testing.WireFixtures;
import org.junit.jupiter.api.Test;

/** What each target endpoint's answer becomes, and what a hostile answer cannot do to a sample. */
class SampleParsersTest {

    /** The shape llama-server's {@code --metrics} writes. */
    static final String LLAMA_METRICS = """
            # HELP llamacpp:prompt_tokens_total Number of prompt tokens processed.
            # TYPE llamacpp:prompt_tokens_total counter
            llamacpp:prompt_tokens_total 42
            # HELP llamacpp:prompt_tokens_seconds Average prompt throughput in tokens/s.
            # TYPE llamacpp:prompt_tokens_seconds gauge
            llamacpp:prompt_tokens_seconds 512.5
            llamacpp:tokens_predicted_total 128
            llamacpp:predicted_tokens_seconds 33.25
            llamacpp:kv_cache_usage_ratio 0.125
            llamacpp:requests_processing 1
            llamacpp:requests_deferred 0
            """;

    @Test
    void llamaServerMetricsBecomeValuesByName() throws Exception {
        Sample sample = SampleSource.METRICS.parse(LLAMA_METRICS, Instant.EPOCH);

        assertEquals(SampleSource.METRICS, sample.source());
        assertEquals(new TreeMap<>(Map.of(
                "llamacpp:prompt_tokens_total", 42.0,
                "llamacpp:prompt_tokens_seconds", 512.5,
                "llamacpp:tokens_predicted_total", 128.0,
                "llamacpp:predicted_tokens_seconds", 33.25,
                "llamacpp:kv_cache_usage_ratio", 0.125,
                "llamacpp:requests_processing", 1.0,
                "llamacpp:requests_deferred", 0.0)), sample.values());
        assertEquals("llamacpp:kv_cache_usage_ratio", sample.values().firstKey(), "sorted by name");
    }

    @Test
    void notANumberIsSkippedAndLabelsStayApart() throws Exception {
        Sample sample = SampleSource.METRICS.parse("""
                a NaN
                b +Inf
                c -Inf
                d 0x1p3
                e Infinity
                f 1e400
                g 2.5e3 1700000000000
                h{slot="0"} 1
                h{slot="1"} 2
                i\u001b[31m 5
                """, Instant.EPOCH);

        assertEquals(List.of("g", "h_slot__0__", "h_slot__1__"), List.copyOf(sample.values().keySet()));
        assertEquals(2500.0, sample.values().get("g"));
    }

    @Test
    void aPageThatIsNotAnExpositionIsRefused() {
        assertThrows(SampleFormatException.class,
                () -> SampleSource.METRICS.parse("<html><body>404 page not found</body></html>", Instant.EPOCH));
        assertThrows(SampleFormatException.class, () -> SampleSource.METRICS.parse("", Instant.EPOCH));
    }

    @Test
    void theNumberOfValuesIsBounded() throws Exception {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            many.append("series_").append(i).append(' ').append(i).append('\n');
        }

        Sample sample = SampleSource.METRICS.parse(many.toString(), Instant.EPOCH);

        assertEquals(Defaults.MAX_SAMPLE_VALUES, sample.values().size());
    }

    @Test
    void longNamesAreCut() throws Exception {
        Sample sample = SampleSource.METRICS.parse("x".repeat(500) + " 1\n", Instant.EPOCH);

        assertEquals(Defaults.MAX_SERVER_KEY_CHARS, sample.values().firstKey().length());
    }

    @Test
    void slotsCountTheBusyOnes() throws Exception {
        Sample sample = SampleSource.SLOTS.parse(
                "[{\"id\":0,\"is_processing\":true,\"prompt\":\"hi\"},{\"id\":1,\"is_processing\":false}]", Instant.EPOCH);

        assertEquals(Map.of("slots_processing", 1.0, "slots_total", 2.0), sample.values());
    }

    @Test
    void slotsThatAreNotAnArrayAreRefused() {
        assertThrows(SampleFormatException.class, () -> SampleSource.SLOTS.parse("{\"error\":{}}", Instant.EPOCH));
        assertThrows(SampleFormatException.class, () -> SampleSource.SLOTS.parse("[1,2]", Instant.EPOCH));
        assertThrows(SampleFormatException.class, () -> SampleSource.SLOTS.parse("not json", Instant.EPOCH));
    }

    /** {@code wire/ollama-ps.json}: one model of 1283468288 bytes, all in VRAM, unloaded at 18:05:00. */
    @Test
    void ollamaPsSaysWhatIsLoadedAndForHowLong() throws Exception {
        Sample sample = SampleSource.API_PS.parse(WireFixtures.read("ollama-ps.json"),
                Instant.parse("2026-05-04T18:04:00.500Z"));

        assertEquals(Map.of("models_loaded", 1.0, "size_bytes", 1283468288.0, "size_vram_bytes", 1283468288.0,
                "expires_in_s", 59.5), sample.values());
    }

    @Test
    void ollamaPsWithNothingLoadedHasNoExpiry() throws Exception {
        Sample sample = SampleSource.API_PS.parse("{\"models\":[]}", Instant.EPOCH);

        assertEquals(Map.of("models_loaded", 0.0, "size_bytes", 0.0, "size_vram_bytes", 0.0), sample.values());
    }

    @Test
    void ollamaPsOfAnotherShapeIsRefused() {
        assertThrows(SampleFormatException.class, () -> SampleSource.API_PS.parse("{\"models\":{}}", Instant.EPOCH));
        assertThrows(SampleFormatException.class, () -> SampleSource.API_PS.parse("[]", Instant.EPOCH));
    }

    @Test
    void ollamaPsBadSizesAndTimesAreLeftOut() throws Exception {
        Sample sample = SampleSource.API_PS.parse("{\"models\":[{\"size\":-5,\"size_vram\":\"big\","
                + "\"expires_at\":\"tomorrow\"}]}", Instant.EPOCH);

        assertEquals(Map.of("models_loaded", 1.0, "size_bytes", 0.0, "size_vram_bytes", 0.0), sample.values());
        assertTrue(sample.values().values().stream().allMatch(Double::isFinite));
    }
}
