package org.inferbench.export.aggregate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.util.ResizableDoubleArray;

/**
 * Splits a run's warm calls into windows of time and tests each cell and prompt for drift (issue 11, Endurance):
 * thermal throttling shows as tokens/s falling, queue growth as TTFT rising, window after window. No I/O.
 *
 * <p>Windows start at the run's first placed call (across all cells, so that window i is the same minute for every
 * cell); a call belongs to the window its start falls in. Each cell and prompt lists its windows from its first call
 * to its last, empty ones between included.
 */
public final class Endurance {

    /** Windows per report at most: 10 000 minutes is a week, beyond any endurance run this tool is for. */
    public static final int MAX_WINDOWS = 10_000;

    private Endurance() {
    }

    /**
     * Empty when windows are off, or there is no placed call, or they are automatic and no cell and prompt's calls
     * span more than {@link Windows#AUTO_MIN_WINDOWS} windows.
     */
    public static Optional<EnduranceSummary> analyse(CallTimeline timeline, Windows windows) {
        if (windows.window().isEmpty()) {
            return Optional.empty();
        }
        Duration window = windows.window().get();
        List<CallTimeline.Series> all = timeline.placed();
        double first = Double.POSITIVE_INFINITY;
        double last = Double.NEGATIVE_INFINITY;
        double longestBatch = 0;
        long unplaced = 0;
        for (CallTimeline.Series series : all) {
            double batchFirst = Double.POSITIVE_INFINITY;
            double batchLast = Double.NEGATIVE_INFINITY;
            for (double at : series.atMs.getElements()) {
                if (Double.isNaN(at)) {
                    unplaced++;
                } else {
                    batchFirst = Math.min(batchFirst, at);
                    batchLast = Math.max(batchLast, at);
                }
            }
            if (batchFirst <= batchLast) {
                first = Math.min(first, batchFirst);
                last = Math.max(last, batchLast);
                longestBatch = Math.max(longestBatch, batchLast - batchFirst);
            }
        }
        if (first > last) {
            return Optional.empty();
        }
        double windowMs = window.toMillis();
        // Long is one batch's span, not the run's: a matrix run of many short batches over an hour has no trend to
        // test, each batch lasting seconds; an endurance run's one batch spans the hour.
        if (windows.auto() && (long) Math.floor(longestBatch / windowMs) + 1 <= Windows.AUTO_MIN_WINDOWS) {
            return Optional.empty();
        }
        long needed = (long) Math.floor((last - first) / windowMs) + 1;
        Duration used = window;
        if (needed > MAX_WINDOWS) {
            // A week of one-minute windows, or one mangled started_at_utc years away: either way, wider windows
            // keep the report readable and its memory bounded, and the report says the window was widened.
            used = Duration.ofMillis((long) Math.ceil((last - first) / (MAX_WINDOWS - 1)));
            used = Duration.ofSeconds((used.toMillis() + 999) / 1000);
            windowMs = used.toMillis();
            needed = (long) Math.floor((last - first) / windowMs) + 1;
        }
        int count = (int) needed;
        List<EnduranceSummary.Series> out = new ArrayList<>();
        for (CallTimeline.Series series : all) {
            summarize(series, first, windowMs, count).ifPresent(out::add);
        }
        List<EnduranceSummary.Queue> queues = new ArrayList<>();
        for (CallTimeline.QueueSamples samples : timeline.queues()) {
            queue(samples, first, windowMs, count).ifPresent(queues::add);
        }
        return Optional.of(new EnduranceSummary(used, window, out, timeline.leftOut() + unplaced, queues));
    }

    private static Optional<EnduranceSummary.Series> summarize(CallTimeline.Series series, double first,
                                                               double windowMs, int count) {
        int[] calls = new int[count];
        int[] errors = new int[count];
        List<ResizableDoubleArray> rates = new ArrayList<>(count);
        List<ResizableDoubleArray> ttfts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rates.add(new ResizableDoubleArray());
            ttfts.add(new ResizableDoubleArray());
        }
        boolean any = false;
        for (int i = 0; i < series.size(); i++) {
            double at = series.atMs.getElement(i);
            if (Double.isNaN(at)) {
                continue;
            }
            any = true;
            int w = (int) Math.min(count - 1, Math.floor((at - first) / windowMs));
            calls[w]++;
            if (series.failed.getElement(i) != 0) {
                errors[w]++;
                continue;
            }
            addIfKnown(rates.get(w), series.tokensPerSec.getElement(i));
            addIfKnown(ttfts.get(w), series.ttftMs.getElement(i));
        }
        if (!any) {
            return Optional.empty();
        }
        int from = 0;
        while (calls[from] == 0) {
            from++;
        }
        int to = count - 1;
        while (calls[to] == 0) {
            to--;
        }
        List<EnduranceSummary.Window> windows = new ArrayList<>(to - from + 1);
        ResizableDoubleArray rateX = new ResizableDoubleArray();
        ResizableDoubleArray rateY = new ResizableDoubleArray();
        ResizableDoubleArray ttftX = new ResizableDoubleArray();
        ResizableDoubleArray ttftY = new ResizableDoubleArray();
        for (int w = from; w <= to; w++) {
            double[] r = rates.get(w).getElements();
            double rate = r.length == 0 ? Double.NaN : StatUtils.mean(r);
            double ttft = Quantiles.of(ttfts.get(w).getElements()).p50();
            windows.add(new EnduranceSummary.Window(w, calls[w], errors[w], rate, ttft));
            if (Double.isFinite(rate)) {
                rateX.addElement(w);
                rateY.addElement(rate);
            }
            if (Double.isFinite(ttft)) {
                ttftX.addElement(w);
                ttftY.addElement(ttft);
            }
        }
        double minutes = windowMs / 60_000.0;
        return Optional.of(new EnduranceSummary.Series(series.cellId, series.promptId, series.levelIdx, series.routed, windows,
                Drift.fit(rateX.getElements(), rateY.getElements(), minutes),
                Drift.fit(ttftX.getElements(), ttftY.getElements(), minutes)));
    }

    /**
     * A cell's queue depth per window of the run's grid (set by its calls); samples before the first call's window or
     * after the last one's are left out, as outside the windows the report shows.
     */
    private static Optional<EnduranceSummary.Queue> queue(CallTimeline.QueueSamples samples, double first,
                                                          double windowMs, int count) {
        int[] taken = new int[count];
        double[] sum = new double[count];
        int from = count;
        int to = -1;
        for (int i = 0; i < samples.atMs.getNumElements(); i++) {
            double w = Math.floor((samples.atMs.getElement(i) - first) / windowMs);
            if (w < 0 || w >= count) {
                continue;
            }
            int index = (int) w;
            taken[index]++;
            sum[index] += samples.depth.getElement(i);
            from = Math.min(from, index);
            to = Math.max(to, index);
        }
        if (to < 0) {
            return Optional.empty();
        }
        List<EnduranceSummary.QueueWindow> windows = new ArrayList<>(to - from + 1);
        ResizableDoubleArray x = new ResizableDoubleArray();
        ResizableDoubleArray y = new ResizableDoubleArray();
        for (int w = from; w <= to; w++) {
            double mean = taken[w] == 0 ? Double.NaN : sum[w] / taken[w];
            windows.add(new EnduranceSummary.QueueWindow(w, taken[w], mean));
            if (taken[w] > 0) {
                x.addElement(w);
                y.addElement(mean);
            }
        }
        return Optional.of(new EnduranceSummary.Queue(samples.cellId, windows,
                Drift.fit(x.getElements(), y.getElements(), windowMs / 60_000.0)));
    }

    private static void addIfKnown(ResizableDoubleArray values, double value) {
        if (Double.isFinite(value)) {
            values.addElement(value);
        }
    }
}
