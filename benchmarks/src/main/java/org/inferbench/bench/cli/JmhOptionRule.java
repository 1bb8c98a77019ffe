package org.inferbench.bench.cli;

import java.util.function.Predicate;
import org.inferbench.bench.preflight.ExitCode;
import org.inferbench.bench.preflight.HarnessExit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.options.Options;

/**
 * JMH options the matrix cannot honour without lying, each refused with its reason (exit 2) rather
 * than silently giving wrong numbers. Listed in {@code --help} from this table.
 */
enum JmhOptionRule {
    WARMUP_ITERATIONS("-wi", "must be 0: a warmup call would make the cold call warm (-i sets the warm calls)",
            o -> o.getWarmupIterations().orElse(0) != 0),
    WARMUP_FORKS("-wf", "must be 0: a warmup fork makes calls that belong to no batch",
            o -> o.getWarmupForkCount().orElse(0) != 0),
    FORKS("-f", "must be 0 or 1: one batch per cell and prompt (-i gives more warm calls)",
            o -> o.getForkCount().orElse(1) > 1),
    MEASUREMENT_ITERATIONS("-i", "must be at least 1: the number of warm calls per batch",
            o -> o.getMeasurementIterations().orElse(1) < 1),
    BATCH_SIZE("-bs", "must be 1: a larger batch merges calls into one sample",
            o -> o.getMeasurementBatchSize().orElse(1) != 1),
    OPS_PER_INVOCATION("-opi", "must be 1: it would divide each call's time",
            o -> o.getOperationsPerInvocation().orElse(1) != 1),
    THREADS("-t", "must be 1: concurrent calls would break the pacing of one call per second per cell",
            o -> o.getThreads().orElse(1) != 1),
    BENCHMARK_MODE("-bm", "must be ss: each call is one single-shot sample",
            o -> o.getBenchModes().stream().anyMatch(mode -> mode != Mode.SingleShotTime));

    private final String option;
    private final String reason;
    private final Predicate<Options> refuses;

    JmhOptionRule(String option, String reason, Predicate<Options> refuses) {
        this.option = option;
        this.reason = reason;
        this.refuses = refuses;
    }

    String option() {
        return option;
    }

    String reason() {
        return reason;
    }

    /** @throws HarnessExit ({@link ExitCode#USAGE}) naming the first refused option and why */
    static void check(Options cli) {
        for (JmhOptionRule rule : values()) {
            if (rule.refuses.test(cli)) {
                throw new HarnessExit(ExitCode.USAGE, rule.option + " " + rule.reason);
            }
        }
    }
}
