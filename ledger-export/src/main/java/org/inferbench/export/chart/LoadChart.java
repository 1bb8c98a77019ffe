package org.inferbench.export.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.inferbench.export.aggregate.LoadLevelSummary;
import org.inferbench.record.LoadMode;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A cell's latency against its throughput under load (issue Load): one point per level, x what the level
 * delivered, y the TTFT a user on schedule waited (p50 and p99, first_delta_ms + send_lag_ms), one line per
 * prompt and statistic through its levels in the order they ran. The knee of the curve is the capacity: where
 * more load stops buying throughput and starts costing latency.
 *
 * <p>x is output tokens per second when every level of the cell has it, else requests per second: one axis per
 * chart, never a mix. A level without a value on either axis is left out, and a prompt with no point at all
 * is no series; a cell with no point has no chart. When a prompt ran both closed and open levels, each mode is
 * its own line, since the two do not lie on one curve.
 */
final class LoadChart {

    static final String FILE_SUFFIX = "-load-latency.svg";

    private LoadChart() {
    }

    /** The chart of one cell's levels, in run order; empty when there is nothing to draw. */
    static Optional<RunCharts.Planned> plan(String cellId, String stem, List<LoadLevelSummary> levels) {
        boolean tokens = levels.stream().allMatch(level -> finite(level.outputTokensPerSec()));
        String xAxis = tokens ? "output tok/s" : "achieved req/s";
        Function<LoadLevelSummary, Double> x = tokens ? LoadLevelSummary::outputTokensPerSec
                : LoadLevelSummary::achievedRps;
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        for (LoadLevelSummary level : levels) {
            String line = level.promptLabel() + (mixesModes(levels, level.promptId()) ? " " + mode(level) : "");
            point(series, line + " ttft p50", x.apply(level), level.ttftSchedule().p50());
            point(series, line + " ttft p99", x.apply(level), level.ttftSchedule().p99());
        }
        series.values().removeIf(List::isEmpty);
        if (series.isEmpty()) {
            return Optional.empty();
        }
        String caption = "TTFT p50 and p99 from the schedule against " + xAxis + ", per prompt, levels in order";
        XYChart chart = new XYChartBuilder().width(RunCharts.WIDTH).height(RunCharts.HEIGHT)
                .title(cellId + ": latency against throughput").xAxisTitle(xAxis)
                .yAxisTitle("ttft from the schedule (ms)").build();
        RunCharts.style(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        series.forEach((name, points) -> {
            XYSeries added = chart.addSeries(name, points.stream().mapToDouble(p -> p[0]).toArray(),
                    points.stream().mapToDouble(p -> p[1]).toArray());
            added.setMarker(SeriesMarkers.CIRCLE);
        });
        return Optional.of(new RunCharts.Planned(new ChartFile(cellId, caption, stem + FILE_SUFFIX), chart));
    }

    private static void point(Map<String, List<double[]>> series, String name, Double x, Double y) {
        List<double[]> points = series.computeIfAbsent(name, n -> new ArrayList<>());
        if (finite(x) && finite(y)) {
            points.add(new double[] {x, y});
        }
    }

    private static boolean mixesModes(List<LoadLevelSummary> levels, String promptId) {
        return levels.stream().filter(level -> level.promptId().equals(promptId)).map(LoadLevelSummary::mode)
                .distinct().count() > 1;
    }

    private static String mode(LoadLevelSummary level) {
        LoadMode mode = level.mode();
        return mode == null ? "n/a" : mode.wireName();
    }

    private static boolean finite(Double value) {
        return value != null && Double.isFinite(value);
    }
}
