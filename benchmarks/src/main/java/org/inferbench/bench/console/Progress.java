package org.inferbench.bench.console;

import java.time.Duration;
import java.util.Locale;
import org.inferbench.record.CallRecord;
import org.inferbench.record.Phase;
import org.inferbench.time.Ticker;

/**
 * One line per call as it completes, with a running count and an ETA from the calls measured so
 * far: JMH's own ETA assumes sub-second shots and is meaningless for calls of seconds.
 *
 * <pre>[ 7/36] local:llamacpp:tiny P-MEDIUM warm 3/5  ttft 41 ms  total 3210 ms  155.2 tok/s  length  ETA 1m52s</pre>
 *
 * A call through the routing gateway says {@code routed} after its prompt.
 */
public final class Progress {

    private final int plannedCalls;
    private final int warmCalls;
    private final Ticker ticker;
    private final long start;
    private int done;

    /**
     * Starts the clock of the ETA now.
     *
     * @param plannedCalls every call the run will make
     * @param warmCalls    N, for "warm 3/5"
     */
    public Progress(int plannedCalls, int warmCalls, Ticker ticker) {
        this.plannedCalls = plannedCalls;
        this.warmCalls = warmCalls;
        this.ticker = ticker;
        this.start = ticker.read();
    }

    /** The line of a call that just completed; counts it. */
    public synchronized String line(CallRecord call) {
        done++;
        int width = Integer.toString(plannedCalls).length();
        StringBuilder line = new StringBuilder();
        line.append(String.format(Locale.ROOT, "[%" + width + "d/%d] %s %s ", done, plannedCalls, call.cellId(),
                call.promptId()));
        if (Boolean.TRUE.equals(call.routed())) {
            line.append("routed ");
        }
        line.append(call.phase() == Phase.COLD ? "cold" : String.format(Locale.ROOT, "warm %d/%d", call.runIdx() + 1,
                warmCalls));
        line.append("  ttft ").append(millis(call.firstDeltaMs()));
        line.append("  total ").append(millis(call.totalDurationMs()));
        line.append("  ").append(call.tokensPerSec() == null ? "-" : String.format(Locale.ROOT, "%.1f",
                call.tokensPerSec())).append(" tok/s");
        line.append("  ").append(call.failed() ? "error: " + call.error() : call.finishReason());
        if (call.coldNote() != null) {
            line.append("  (").append(call.coldNote()).append(')');
        }
        line.append("  ETA ").append(eta());
        return line.toString();
    }

    private String eta() {
        int remaining = Math.max(0, plannedCalls - done);
        long elapsed = ticker.read() - start;
        return duration(Duration.ofNanos(done == 0 ? 0 : elapsed / done * remaining));
    }

    private static String millis(Long ms) {
        return ms == null ? "- ms" : ms + " ms";
    }

    /** "45s", "1m52s", "2h03m". */
    static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
    }
}
