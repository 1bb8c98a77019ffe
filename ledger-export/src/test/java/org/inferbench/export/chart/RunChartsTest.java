package org.inferbench.export.chart;

import static org.inferbench.ledger.TestRecords.call;
import static org.inferbench.ledger.TestRecords.failed;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.inferbench.export.aggregate.RunAggregator;
import org.inferbench.export.aggregate.RunSource;
import org.inferbench.export.testing.Fixtures;
import org.inferbench.record.LevelRecord;
import org.inferbench.record.LoadFacts;
import org.inferbench.record.LoadMode;
import org.inferbench.record.Phase;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class RunChartsTest {

    @Test
    void theSmallRunGetsTwoOverviewsAndTwoDistributionsPerMeasuredCell() {
        List<ChartFile> files = RunCharts.plan(Fixtures.summarize(Fixtures.SMALL_RUN)).stream()
                .map(RunCharts.Planned::file).toList();

        assertEquals(List.of(
                new ChartFile("across cells", "warm TTFT p50 per prompt", "warm-ttft-p50.svg"),
                new ChartFile("across cells", "warm tokens/s per prompt", "warm-tokens-per-sec.svg"),
                new ChartFile("pavilion:llamacpp:qwen3.5:0.8b", "TTFT (first_delta_ms), cold and warm, per prompt",
                        "pavilion_llamacpp_qwen3.5_0.8b-ttft.svg"),
                new ChartFile("pavilion:llamacpp:qwen3.5:0.8b",
                        "total duration (total_duration_ms), cold and warm, per prompt",
                        "pavilion_llamacpp_qwen3.5_0.8b-total-duration.svg"),
                new ChartFile("mac:ollama:qwen3.5:0.8b", "TTFT (first_delta_ms), cold and warm, per prompt",
                        "mac_ollama_qwen3.5_0.8b-ttft.svg"),
                new ChartFile("mac:ollama:qwen3.5:0.8b", "total duration (total_duration_ms), cold and warm, per prompt",
                        "mac_ollama_qwen3.5_0.8b-total-duration.svg")), files,
                "the skipped vps cell has nothing to draw");
    }

    @Test
    void aCellWhoseCallsAllFailedHasNoChart() {
        RunAggregator run = new RunAggregator();
        run.call(failed("a:ollama:m", "P-EASY", Phase.COLD, 0, "reset"));
        run.call(failed("a:ollama:m", "P-EASY", Phase.WARM, 0, "reset"));

        assertEquals(List.of(), RunCharts.plan(run.summary(RunSource.LEDGER)));
    }

    @Test
    void cellIdsBecomePlainFileNamesAndStayDistinct() {
        assertEquals("pavilion_llamacpp_qwen3.5_0.8b", RunCharts.fileStem("pavilion:llamacpp:qwen3.5:0.8b"));
        assertEquals("n_d__ollama_m_x", RunCharts.fileStem("n/dé:ollama:m x"));

        RunAggregator run = new RunAggregator();
        run.call(call("a:ollama:m", "P-EASY", Phase.WARM, 0, 100, 1000, 50));
        run.call(call("a_ollama_m", "P-EASY", Phase.WARM, 0, 100, 1000, 50));

        assertEquals(List.of("warm-ttft-p50.svg", "warm-tokens-per-sec.svg", "a_ollama_m-ttft.svg",
                "a_ollama_m-total-duration.svg", "a_ollama_m-2-ttft.svg", "a_ollama_m-2-total-duration.svg"),
                RunCharts.plan(run.summary(RunSource.LEDGER)).stream().map(p -> p.file().fileName()).toList());
    }

    /** The load run: no sequential call, so no other chart; closed and open levels of P-EASY are separate lines. */
    @Test
    void aCellUnderLoadGetsItsLatencyAgainstThroughputWithAPointPerLevelInOrder() {
        List<RunCharts.Planned> planned = RunCharts.plan(Fixtures.summarize(Fixtures.LOAD_RUN));

        assertEquals(List.of(new ChartFile("pavilion:llamacpp:qwen3.5:0.8b",
                "TTFT p50 and p99 from the schedule against output tok/s, per prompt, levels in order",
                "pavilion_llamacpp_qwen3.5_0.8b-load-latency.svg")),
                planned.stream().map(RunCharts.Planned::file).toList());
        XYChart chart = (XYChart) planned.get(0).chart();
        assertEquals(List.of("P-EASY closed ttft p50", "P-EASY closed ttft p99", "P-EASY open ttft p50",
                "P-EASY open ttft p99"), List.copyOf(chart.getSeriesMap().keySet()));
        XYSeries closedP50 = chart.getSeriesMap().get("P-EASY closed ttft p50");
        assertArrayEquals(new double[] {52.5, 98.5, 182.9}, closedP50.getXData(), "output tok/s, in level order");
        assertArrayEquals(new double[] {105, 125, 155}, closedP50.getYData());
        XYSeries openP50 = chart.getSeriesMap().get("P-EASY open ttft p50");
        assertArrayEquals(new double[] {102.5}, openP50.getYData(), "from the schedule: 100 ms + the send lag");
    }

    @Test
    void withoutOutputTokensPerSecondTheAxisIsRequestsPerSecond() {
        RunAggregator run = new RunAggregator();
        run.call(call("a:llamacpp:m", "P-EASY", Phase.WARM, 0, 100, 1000, 50)
                .withLoad(new LoadFacts(LoadMode.CLOSED, 0, 2, null, null, null)));
        run.level(new LevelRecord(LevelRecord.TYPE, "a:llamacpp:m", "P-EASY", 0, LoadMode.CLOSED, 2, null, 1, 0, 1000,
                1.0, null, null, null, 1, null));

        List<RunCharts.Planned> planned = RunCharts.plan(run.summary(RunSource.LEDGER));

        assertEquals(List.of("a_llamacpp_m-load-latency.svg"), planned.stream().map(p -> p.file().fileName()).toList(),
                "a cell under load that no meta record planned still gets its chart");
        XYChart chart = (XYChart) planned.get(0).chart();
        assertEquals("achieved req/s", chart.getXAxisTitle());
        assertArrayEquals(new double[] {1.0}, chart.getSeriesMap().get("P-EASY ttft p50").getXData());
    }

    @Test
    void aLoadLevelWhoseCallsAllFailedHasNoPoint() {
        RunAggregator run = new RunAggregator();
        run.call(failed("a:llamacpp:m", "P-EASY", Phase.WARM, 0, "reset")
                .withLoad(new LoadFacts(LoadMode.CLOSED, 0, 2, null, null, null)));

        assertEquals(List.of(), RunCharts.plan(run.summary(RunSource.LEDGER)));
    }
}
