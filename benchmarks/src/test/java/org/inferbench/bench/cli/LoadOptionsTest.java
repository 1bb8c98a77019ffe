package org.inferbench.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.inferbench.bench.preflight.ExitCode;
import org.inferbench.bench.preflight.HarnessExit;
import org.inferbench.config.Defaults;
import org.inferbench.load.Arrivals;
import org.inferbench.load.LoadSpec;
import org.inferbench.record.LoadMode;
import org.junit.jupiter.api.Test;

/** A load run from the command line: what it resolves to, and a one-line refusal for every mistake. */
class LoadOptionsTest {

    private static Optional<LoadSpec> load(String... args) {
        return LoadOptions.from(HarnessOptions.parse(args));
    }

    private static String refusal(String... args) {
        HarnessExit e = assertThrows(HarnessExit.class, () -> load(args));
        assertEquals(ExitCode.USAGE, e.code());
        return e.getMessage();
    }

    @Test
    void noLoadOptionMeansTheSequentialMatrix() {
        assertEquals(Optional.empty(), load("-p", "cell=a:llamacpp:m"));
    }

    @Test
    void aClosedSweepResolvesItsBoundsFromTheDefaults() {
        LoadSpec spec = load("--concurrency", "1,2,4", "--stop-on-saturation").orElseThrow();
        assertEquals(LoadMode.CLOSED, spec.mode());
        assertEquals(List.of(1.0, 2.0, 4.0), spec.levels());
        assertEquals(Defaults.LOAD_REQUESTS, spec.requests());
        assertEquals(true, spec.stopOnSaturation());
    }

    @Test
    void anOpenSweepTakesItsScheduleOptions() {
        LoadSpec spec = load("--rate=0.5,2", "--arrivals", "gamma", "--burstiness", "2", "--seed", "7",
                "--duration", "30s", "--max-concurrency", "3", "--slo", "ttft_ms=500").orElseThrow();
        assertEquals(LoadMode.OPEN, spec.mode());
        assertEquals(Arrivals.GAMMA, spec.arrivals());
        assertEquals(2.0, spec.burstiness());
        assertEquals(7, spec.seed());
        assertEquals(30_000, spec.durationMs());
        assertEquals(Defaults.LOAD_MAX_REQUESTS, spec.requests());
        assertEquals(3, spec.maxConcurrency());
        assertEquals("ttft_ms=500", spec.slo());
    }

    @Test
    void everyMistakeIsOneLineNamingTheOption() {
        assertEquals("--concurrency and --rate are two kinds of load run: give one",
                refusal("--concurrency", "1", "--rate", "1"));
        assertEquals("--requests shapes a load run: add --concurrency N,... or --rate R,...", refusal("--requests", "5"));
        assertEquals("--concurrency 1,x: 'x' is not a whole number of at least 1", refusal("--concurrency", "1,x"));
        assertEquals("--concurrency 0: '0' is not a whole number of at least 1", refusal("--concurrency", "0"));
        assertEquals("--rate 1,-2: '-2' is not a rate above 0", refusal("--rate", "1,-2"));
        assertEquals("--arrivals goes with --rate, not with --concurrency", refusal("--concurrency", "2", "--arrivals", "gamma"));
        assertEquals("--arrivals gamma needs --burstiness CV (the gaps' coefficient of variation)",
                refusal("--rate", "2", "--arrivals", "gamma"));
        assertEquals("--duration 60: '60' is not a duration: a whole number and a unit, e.g. 500ms, 60s, 5m, 1h",
                refusal("--concurrency", "2", "--duration", "60"));
        assertEquals("--slo ttft=5: 'ttft=5' is not an objective: name=milliseconds with name ttft_ms, tpot_ms or"
                + " total_ms", refusal("--concurrency", "2", "--slo", "ttft=5"));
        assertEquals("--requests is given twice", refusal("--concurrency", "2", "--requests", "2", "--requests", "3"));
        assertEquals("--smoke is not a load run", refusal("--concurrency", "2", "--smoke"));
    }
}
