package org.inferbench.export.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.inferbench.export.aggregate.EnduranceSummary;
import org.inferbench.export.aggregate.EnduranceSummary.Window;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A cell over time (issue 11, Endurance): one point per window, x the window's start in minutes from the run's
 * first call, one line per prompt; a chart for tokens/s and one for TTFT, so a falling rate or a rising queue is
 * seen at a glance; and when the target was sampled, its queue depth per window. A window without a value is no
 * point; a cell with no point has no chart.
 */
final class EnduranceChart {

    static final String QUEUE_SUFFIX = "-endurance-queue.svg";

    /** The metrics charted, each its own file. */
    enum Metric {
        TOKENS_PER_SEC("-endurance-tokens-per-sec.svg", "tokens/s over time", "tokens_per_sec mean",
                Window::tokensPerSecMean),
        TTFT("-endurance-ttft.svg", "TTFT over time", "first_delta_ms p50 (ms)", Window::ttftP50);

        final String fileSuffix;
        final String title;
        final String axis;
        final ToDoubleFunction<Window> value;

        Metric(String fileSuffix, String title, String axis, ToDoubleFunction<Window> value) {
            this.fileSuffix = fileSuffix;
            this.title = title;
            this.axis = axis;
            this.value = value;
        }
    }

    private EnduranceChart() {
    }

    static List<RunCharts.Planned> plan(String cellId, String stem, EnduranceSummary endurance) {
        List<RunCharts.Planned> charts = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            plan(cellId, stem, endurance, metric).ifPresent(charts::add);
        }
        endurance.queues().stream().filter(queue -> queue.cellId().equals(cellId)).findFirst()
                .flatMap(queue -> queue(cellId, stem, endurance, queue)).ifPresent(charts::add);
        return charts;
    }

    /** The target's own queue ({@code llamacpp:requests_deferred}), mean per window. */
    private static Optional<RunCharts.Planned> queue(String cellId, String stem, EnduranceSummary endurance,
                                                     EnduranceSummary.Queue queue) {
        double minutes = endurance.window().toMillis() / 60_000.0;
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (EnduranceSummary.QueueWindow window : queue.windows()) {
            if (Double.isFinite(window.depthMean())) {
                x.add(window.index() * minutes);
                y.add(window.depthMean());
            }
        }
        if (x.isEmpty()) {
            return Optional.empty();
        }
        XYChart chart = new XYChartBuilder().width(RunCharts.WIDTH).height(RunCharts.HEIGHT)
                .title(cellId + ": queue depth over time").xAxisTitle("minutes from the run's first call")
                .yAxisTitle("requests_deferred mean").build();
        RunCharts.style(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.addSeries("requests waiting for a slot", x, y).setMarker(SeriesMarkers.CIRCLE);
        return Optional.of(new RunCharts.Planned(new ChartFile(cellId,
                "queue depth over time (requests_deferred mean per window)", stem + QUEUE_SUFFIX), chart));
    }

    private static Optional<RunCharts.Planned> plan(String cellId, String stem, EnduranceSummary endurance,
                                                    Metric metric) {
        double minutes = endurance.window().toMillis() / 60_000.0;
        XYChart chart = new XYChartBuilder().width(RunCharts.WIDTH).height(RunCharts.HEIGHT)
                .title(cellId + ": " + metric.title).xAxisTitle("minutes from the run's first call")
                .yAxisTitle(metric.axis).build();
        RunCharts.style(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        for (EnduranceSummary.Series series : endurance.series()) {
            if (!series.cellId().equals(cellId)) {
                continue;
            }
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (Window window : series.windows()) {
                double value = metric.value.applyAsDouble(window);
                if (Double.isFinite(value)) {
                    x.add(window.index() * minutes);
                    y.add(value);
                }
            }
            if (!x.isEmpty()) {
                XYSeries added = chart.addSeries(series.label(), x, y);
                added.setMarker(SeriesMarkers.CIRCLE);
            }
        }
        if (chart.getSeriesMap().isEmpty()) {
            return Optional.empty();
        }
        String caption = metric.title + " (" + metric.axis + " per window), per prompt";
        return Optional.of(new RunCharts.Planned(new ChartFile(cellId, caption, stem + metric.fileSuffix), chart));
    }
}
