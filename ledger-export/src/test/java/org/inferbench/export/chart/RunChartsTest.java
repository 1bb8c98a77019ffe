package org.inferbench.export.chart;

import static org.inferbench.ledger.TestRecords.call;
import static org.inferbench.ledger.TestRecords.failed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.inferbench.export.aggregate.RunAggregator;
import org.inferbench.export.aggregate.RunSource;
import org.inferbench.export.testing.Fixtures;
import org.inferbench.record.Phase;
import org.junit.jupiter.api.Test;

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
}
