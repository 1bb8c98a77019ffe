package org.inferbench.bench.console;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.inferbench.load.CallPercentiles;
import org.inferbench.record.CallRecord;
import org.inferbench.record.LevelRecord;
import org.inferbench.record.LoadMode;

/** The console line of a finished load level: what it sent, what it achieved, and the TTFT its calls saw. */
public final class LevelProgress {

    private LevelProgress() {
    }

    /** The line of {@code level}, from its record and its calls. */
    public static String line(LevelRecord level, List<CallRecord> calls) {
        String load = level.loadMode() == LoadMode.CLOSED
                ? "concurrency " + level.concurrency()
                : String.format(Locale.ROOT, "rate %.2f/s (cap %d)", level.targetRate(), level.concurrency());
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "level %d %s %s %s: %d calls (%d failed) in %.1f s, %s req/s%s, %s tok/s, ttft p50 %s ms",
                level.levelIdx(), level.cellId(), level.promptId() + (Boolean.TRUE.equals(level.routed()) ? " routed" : ""),
                load, level.requests(), level.errors(),
                level.wallMs() / 1000.0, figure(level.achievedRps()),
                Boolean.TRUE.equals(level.rateShort()) ? " (short of the target)" : "",
                figure(level.outputTokensPerSec()), p50(calls, CallPercentiles.TTFT_FROM_SEND)));
        if (level.loadMode() == LoadMode.OPEN) {
            line.append(" (from the schedule ").append(p50(calls, CallPercentiles.TTFT_FROM_SCHEDULE))
                    .append(" ms)");
        }
        if (level.stoppedEarly() != null) {
            line.append("; stopped: ").append(level.stoppedEarly());
        }
        return line.toString();
    }

    private static String figure(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String p50(List<CallRecord> calls, Function<CallRecord, Double> figure) {
        Double p50 = CallPercentiles.of(calls, figure, 0.5);
        return p50 == null ? "n/a" : String.format(Locale.ROOT, "%.0f", p50);
    }
}
