package org.inferbench.export.chart;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.inferbench.export.aggregate.BatchSummary;
import org.inferbench.export.aggregate.CellSummary;
import org.inferbench.export.aggregate.ColdSummary;
import org.inferbench.export.aggregate.EnduranceSummary;
import org.inferbench.export.aggregate.LoadLevelSummary;
import org.inferbench.export.aggregate.RunSummary;
import org.inferbench.export.aggregate.WarmSummary;
import org.inferbench.export.aggregate.WarmValues;
import org.knowm.xchart.BoxChart;
import org.knowm.xchart.BoxChartBuilder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/**
 * Which charts a run gets, built as XChart charts. Across cells, a warm statistic per prompt, a bar per cell
 * ({@link Overview}); per cell, a distribution per prompt, cold against warm, a box per prompt and phase
 * ({@link Distribution}; the cold call is one value, so its box is a line), and for a cell under load its latency
 * against its throughput ({@link LoadChart}), after its other charts. A chart with nothing to show is
 * left out, and so is a series: a skipped batch, a failed cold call, a prompt without a warm value.
 *
 * <p>Everything is in run order and nothing reads a clock, so the same summary gives the same charts.
 */
final class RunCharts {

    /** Wide enough for four boxes, or three prompts' bars, with readable labels. */
    static final int WIDTH = 800;
    static final int HEIGHT = 500;
    /** Each box needs about this much width for its label ("P-MEDIUM warm") not to run into the next one. */
    static final int BOX_WIDTH = 120;

    /** A chart and the file it goes to. */
    record Planned(ChartFile file, Chart<?, ?> chart) {
    }

    /** The charts across cells. */
    enum Overview {
        WARM_TTFT_P50("warm-ttft-p50.svg", "warm TTFT p50 per prompt", "first_delta_ms p50 (ms)",
                warm -> warm.firstDeltaMs().p50()),
        WARM_TOKENS_PER_SEC("warm-tokens-per-sec.svg", "warm tokens/s per prompt", "tokens_per_sec mean",
                WarmSummary::tokensPerSecMean);

        final String fileName;
        final String title;
        final String axis;
        final ToDoubleFunction<WarmSummary> statistic;

        Overview(String fileName, String title, String axis, ToDoubleFunction<WarmSummary> statistic) {
            this.fileName = fileName;
            this.title = title;
            this.axis = axis;
            this.statistic = statistic;
        }
    }

    /** The charts of each cell. */
    enum Distribution {
        TTFT("-ttft.svg", "TTFT", "first_delta_ms", ColdSummary::firstDeltaMs, WarmValues::firstDeltaMs),
        TOTAL_DURATION("-total-duration.svg", "total duration", "total_duration_ms", ColdSummary::totalDurationMs,
                WarmValues::totalDurationMs);

        final String fileSuffix;
        final String title;
        final String axis;
        final Function<ColdSummary, Long> cold;
        final Function<WarmValues, double[]> warm;

        Distribution(String fileSuffix, String title, String axis, Function<ColdSummary, Long> cold,
                     Function<WarmValues, double[]> warm) {
            this.fileSuffix = fileSuffix;
            this.title = title;
            this.axis = axis;
            this.cold = cold;
            this.warm = warm;
        }

        String caption() {
            return title + " (" + axis + "), cold and warm, per prompt";
        }
    }

    private RunCharts() {
    }

    static List<Planned> plan(RunSummary run) {
        return plan(run, Optional.empty());
    }

    /** With the cells' charts over time ({@link EnduranceChart}) after each cell's others, when windows are on. */
    static List<Planned> plan(RunSummary run, Optional<EnduranceSummary> endurance) {
        List<Planned> charts = new ArrayList<>();
        for (Overview overview : Overview.values()) {
            overview(run, overview).ifPresent(charts::add);
        }
        Map<String, List<LoadLevelSummary>> loadByCell = new LinkedHashMap<>();
        run.loadLevels().forEach(level -> loadByCell.computeIfAbsent(level.cellId(), id -> new ArrayList<>()).add(level));
        Set<String> stems = new HashSet<>();
        for (CellSummary cell : run.cells()) {
            String stem = unique(fileStem(cell.cellId()), stems);
            for (Distribution distribution : Distribution.values()) {
                distribution(cell, stem, distribution).ifPresent(charts::add);
            }
            List<LoadLevelSummary> levels = loadByCell.remove(cell.cellId());
            if (levels != null) {
                LoadChart.plan(cell.cellId(), stem, levels).ifPresent(charts::add);
            }
            endurance.ifPresent(e -> charts.addAll(EnduranceChart.plan(cell.cellId(), stem, e)));
        }
        // A cell under load that the meta record did not plan has no sequential summary: its charts come last.
        loadByCell.forEach((cellId, levels) -> {
            String stem = unique(fileStem(cellId), stems);
            LoadChart.plan(cellId, stem, levels).ifPresent(charts::add);
            endurance.ifPresent(e -> charts.addAll(EnduranceChart.plan(cellId, stem, e)));
        });
        return charts;
    }

    private static Optional<Planned> overview(RunSummary run, Overview overview) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(overview.title)
                .xAxisTitle("prompt").yAxisTitle(overview.axis).build();
        style(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        for (CellSummary cell : run.cells()) {
            List<Double> values = new ArrayList<>();
            for (String prompt : run.prompts()) {
                values.add(cell.batches().stream().filter(b -> b.promptId().equals(prompt) && !b.skipped())
                        .map(b -> overview.statistic.applyAsDouble(b.warm())).filter(Double::isFinite)
                        .findFirst().orElse(null));
            }
            if (values.stream().anyMatch(Objects::nonNull)) {
                chart.addSeries(cell.cellId(), run.prompts(), values);
            }
        }
        return chart.getSeriesMap().isEmpty() ? Optional.empty()
                : Optional.of(new Planned(new ChartFile(ChartFile.ACROSS_CELLS, overview.title, overview.fileName),
                        chart));
    }

    private static Optional<Planned> distribution(CellSummary cell, String stem, Distribution distribution) {
        List<String> names = new ArrayList<>();
        List<double[]> series = new ArrayList<>();
        for (BatchSummary batch : cell.batches()) {
            if (batch.skipped()) {
                continue;
            }
            ColdSummary cold = batch.cold();
            Long coldValue = cold == null || cold.error() != null ? null : distribution.cold.apply(cold);
            if (coldValue != null) {
                names.add(batch.promptId() + " cold");
                series.add(new double[] {coldValue});
            }
            double[] warm = distribution.warm.apply(batch.warm().values());
            if (warm.length > 0) {
                names.add(batch.promptId() + " warm");
                series.add(warm);
            }
        }
        if (series.isEmpty()) {
            return Optional.empty();
        }
        BoxChart chart = new BoxChartBuilder().width(Math.max(WIDTH, BOX_WIDTH * series.size())).height(HEIGHT)
                .title(cell.cellId() + ": " + distribution.title).yAxisTitle(distribution.axis).build();
        style(chart.getStyler());
        chart.getStyler().setLegendVisible(false);
        for (int i = 0; i < series.size(); i++) {
            chart.addSeries(names.get(i), series.get(i));
        }
        return Optional.of(new Planned(
                new ChartFile(cell.cellId(), distribution.caption(), stem + distribution.fileSuffix), chart));
    }

    /** Tick labels formatted the same on every machine. */
    static void style(AxesChartStyler styler) {
        styler.setLocale(Locale.ROOT);
    }

    /**
     * A file name from a cell id: anything but ASCII letters, digits, dot, dash and underscore becomes an
     * underscore ({@code pavilion:llamacpp:qwen3.5:0.8b} → {@code pavilion_llamacpp_qwen3.5_0.8b}).
     */
    static String fileStem(String cellId) {
        StringBuilder stem = new StringBuilder(cellId.length());
        cellId.codePoints().forEach(c -> stem.append(isPlain(c) ? (char) c : '_'));
        return stem.toString();
    }

    private static boolean isPlain(int c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_');
    }

    /** {@code stem}, or {@code stem-2}, {@code stem-3}... when two cell ids sanitize alike ({@code a:b}, {@code a_b}). */
    private static String unique(String stem, Set<String> taken) {
        String candidate = stem;
        for (int n = 2; !taken.add(candidate); n++) {
            candidate = stem + "-" + n;
        }
        return candidate;
    }
}
