package org.inferbench.bench.run;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.inferbench.call.EngineEndpoint;
import org.inferbench.config.Cell;
import org.inferbench.config.Engine;
import org.inferbench.record.LedgerLine;
import org.inferbench.record.SampleRecord;
import org.inferbench.sample.Sample;
import org.inferbench.sample.SampleSource;
import org.inferbench.sample.Sampler;

/**
 * The samplers of one cell while its runner runs (SPEC section 12, "Sample line"): the sources its engine has
 * ({@link #sourcesOf}), each polled on its own daemon thread with its own client so the measured calls never share a
 * connection or a thread with them. Each sample becomes a {@code sample} line through the run's recorder; a source
 * the target does not have is one note on the console (and so in the run's log), never an error.
 *
 * <p>Opened when the cell's runner starts and closed when it ends, in a try-with-resources, so an abort or an
 * interrupt closes it too. After {@link #close()} returns, nothing more is written from here: a write and the close
 * exclude each other, whatever the samplers' threads are doing (their own close is bounded, not certain).
 */
final class CellSampling implements AutoCloseable {

    private static final DateTimeFormatter UTC_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final String cellId;
    private final long runStartNanos;
    private final Consumer<LedgerLine> ledger;
    private final PrintStream console;
    private final List<Sampler> samplers = new ArrayList<>();
    private final Object writing = new Object();
    private boolean closed;

    private CellSampling(String cellId, long runStartNanos, Consumer<LedgerLine> ledger, PrintStream console) {
        this.cellId = cellId;
        this.runStartNanos = runStartNanos;
        this.ledger = ledger;
        this.console = console;
    }

    /**
     * Starts sampling {@code cell}.
     *
     * @param runStartNanos the system ticker when the run started: {@code t_offset_ms} counts from it
     * @param ledger        where sample lines go (the recorder, which writes nothing once the ledger is closed)
     * @param console       where a missing endpoint is noted
     */
    static CellSampling start(Cell cell, Optional<String> bearerToken, long runStartNanos,
                              Consumer<LedgerLine> ledger, PrintStream console) {
        CellSampling sampling = new CellSampling(cell.id().toString(), runStartNanos,
                Objects.requireNonNull(ledger, "ledger"), Objects.requireNonNull(console, "console"));
        Optional<String> endpoint = cell.endpoint();
        if (endpoint.isEmpty()) {
            return sampling; // A runnable cell has one; without it there is nothing to poll.
        }
        for (SampleSource source : sourcesOf(cell.engine())) {
            try {
                sampling.samplers.add(Sampler.of(endpoint.get(), bearerToken, source, sampling.listener()).start());
            } catch (EngineEndpoint.InvalidEndpointException e) {
                sampling.note(source, e.getMessage());
            }
        }
        return sampling;
    }

    /** What each engine can tell about itself: llama-server its metrics and slots, Ollama its loaded models. */
    static List<SampleSource> sourcesOf(Engine engine) {
        return switch (engine) {
            case LLAMACPP -> List.of(SampleSource.METRICS, SampleSource.SLOTS);
            case OLLAMA -> List.of(SampleSource.API_PS);
            case OPENAI -> List.of(); // No endpoint any OpenAI-compatible server is known to have.
        };
    }

    private Sampler.Listener listener() {
        return new Sampler.Listener() {
            @Override
            public void onSample(Sample sample, long atNanos, Instant at) {
                long offsetMs = Math.round((atNanos - runStartNanos) / 1_000_000.0);
                write(SampleRecord.of(cellId, offsetMs, UTC_MILLIS.format(at), sample.source().wireName(),
                        sample.values()));
            }

            @Override
            public void onUnavailable(SampleSource source, String why) {
                note(source, why);
            }
        };
    }

    private void write(SampleRecord sample) {
        synchronized (writing) {
            if (!closed) {
                ledger.accept(sample);
            }
        }
    }

    /** "note: c /metrics not available: HTTP 404", once per source (a sampler says it once, then stops). */
    private void note(SampleSource source, String why) {
        synchronized (writing) {
            if (closed) {
                return; // A close cancels the polls in flight: their failure says nothing about the target.
            }
            String prefix = source.path() + ": ";
            String detail = why.startsWith(prefix) ? why.substring(prefix.length()) : why;
            console.println("note: " + cellId + " " + source.path() + " not available: " + detail);
        }
    }

    /** Stops every sampler; from here on, nothing is written. Bounded: each sampler waits a few poll timeouts. */
    @Override
    public void close() {
        synchronized (writing) {
            closed = true;
        }
        samplers.forEach(Sampler::close);
    }
}
