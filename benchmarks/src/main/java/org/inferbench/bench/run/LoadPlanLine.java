package org.inferbench.bench.run;

import java.util.Locale;
import java.util.stream.Collectors;
import org.inferbench.config.DurationText;
import org.inferbench.load.LoadSpec;
import org.inferbench.record.LoadMode;

/** The console's first word on a load run: what it will do, and the bounds of every level. */
final class LoadPlanLine {

    private LoadPlanLine() {
    }

    /** @param routes {@code " x direct and routed"} for a run on both routes, else empty */
    static String describe(int cells, int prompts, String routes, LoadSpec spec) {
        String levels = spec.levels().stream()
                .map(level -> spec.mode() == LoadMode.CLOSED ? Integer.toString(level.intValue())
                        : String.format(Locale.ROOT, "%s/s", strip(level)))
                .collect(Collectors.joining(", "));
        String kind = spec.mode() == LoadMode.CLOSED ? "closed loop, concurrency " + levels
                : "open loop (" + spec.arrivals().wireName() + "), rate " + levels
                + (spec.maxConcurrency() == null ? "" : ", at most " + spec.maxConcurrency() + " in flight");
        return String.format(Locale.ROOT, "%d cells x %d prompts%s, load: %s; each level at most %d calls and %s%s",
                cells, prompts, routes, kind, spec.requests(), DurationText.format(java.time.Duration.ofMillis(spec.durationMs())),
                spec.stopOnSaturation() ? "; stops at saturation" : "");
    }

    private static String strip(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
