package org.inferbench.bench.calibration;

import java.util.List;
import java.util.Locale;

/** The results as the markdown table of docs/CALIBRATION.md. Milliseconds throughout. */
final class CalibrationTable {

    private static final String HEADER = """
            | concurrency | schedule (events/s) | client | streams (failed) | request send p50 / p99 \
            | TTFT error p50 / p99 / max | gap error p50 / p99 | total error p50 / p99 \
            | CPU ms per 1,000 events: calling threads / whole client | client cores | emitter cores | load |
            |---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|
            """;

    private CalibrationTable() {
    }

    static String markdown(List<LevelResult> results) {
        StringBuilder table = new StringBuilder(HEADER);
        for (LevelResult r : results) {
            Level level = r.level();
            table.append(String.format(Locale.ROOT,
                    "| %d | %d + %d x %d ms (%,.0f) | %s | %d (%d) | %s / %s | %s / %s / %s | %s / %s | %s / %s "
                            + "| %.1f / %.1f | %.2f | %.2f | %.1f |%n",
                    level.concurrency(), level.schedule().firstEvent().toMillis(), level.schedule().tokenEvents(),
                    level.schedule().gap().toMillis(), level.eventsPerSecond(), r.client().label(),
                    r.level().streams(), r.failed(),
                    ms(r.send().percentileMs(0.50)), ms(r.send().percentileMs(0.99)),
                    ms(r.firstEvent().percentileMs(0.50)), ms(r.firstEvent().percentileMs(0.99)),
                    ms(r.firstEvent().maxMs()),
                    ms(r.gaps().percentileMs(0.50)), ms(r.gaps().percentileMs(0.99)),
                    ms(r.total().percentileMs(0.50)), ms(r.total().percentileMs(0.99)),
                    r.callingThreadsMsPerThousandEvents(), r.clientMsPerThousandEvents(), r.coresUsed(), r.emitterCoresUsed(), r.loadAverage()));
        }
        return table.toString();
    }

    /** Three decimals below 1 ms (the interesting range), two above. */
    private static String ms(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return String.format(Locale.ROOT, value < 1 ? "%.3f" : "%.2f", value);
    }
}
