package org.inferbench.sample;

import java.time.Instant;
import java.util.Locale;

/**
 * Where a sample comes from (SPEC section 12, the {@code source} of a {@code sample} line): the path polled on the
 * engine's endpoint and how its answer becomes numbers.
 */
public enum SampleSource {

    /** llama-server {@code --metrics}: Prometheus text (requests processing and deferred, KV cache use, tokens/s). */
    METRICS("/metrics") {
        @Override
        Sample parse(String body, Instant now) throws SampleFormatException {
            return new Sample(this, PrometheusText.parse(body));
        }
    },

    /** llama-server's {@code /slots}: how many slots, how many busy. */
    SLOTS("/slots") {
        @Override
        Sample parse(String body, Instant now) throws SampleFormatException {
            return new Sample(this, SlotsJson.parse(body));
        }
    },

    /** Ollama's {@code /api/ps}: models loaded, their size in VRAM, seconds until they are unloaded. */
    API_PS("/api/ps") {
        @Override
        Sample parse(String body, Instant now) throws SampleFormatException {
            return new Sample(this, OllamaPs.parse(body, now));
        }
    };

    private final String path;

    SampleSource(String path) {
        this.path = path;
    }

    /** The path polled, after the endpoint's own path prefix. */
    public String path() {
        return path;
    }

    /** As the ledger writes it: {@code metrics}, {@code slots}, {@code api_ps}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The numbers of one answer.
     *
     * @param now the wall clock at the poll, for times the answer gives as instants (Ollama's {@code expires_at})
     * @throws SampleFormatException when the answer is not this source's format: the target has no such endpoint
     */
    abstract Sample parse(String body, Instant now) throws SampleFormatException;
}
