package org.inferbench.export.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.inferbench.export.chart.ChartFile;
import org.junit.jupiter.api.Test;

class ChartsMarkdownTest {

    private static final List<ChartFile> CHARTS = List.of(
            new ChartFile(ChartFile.ACROSS_CELLS, "warm TTFT p50 per prompt", "warm-ttft-p50.svg"),
            new ChartFile("a:ollama:m", "TTFT", "a_ollama_m-ttft.svg"),
            new ChartFile("a:ollama:m", "total duration", "a_ollama_m-total-duration.svg"));

    @Test
    void chartsAreLinkedUnderTheirHeadingsRelativeToTheMarkdown() {
        assertEquals("""

                ## Charts

                ### across cells

                ![warm TTFT p50 per prompt](charts/warm-ttft-p50.svg)

                ### a:ollama:m

                ![TTFT](charts/a_ollama_m-ttft.svg)

                ![total duration](charts/a_ollama_m-total-duration.svg)
                """, ChartsMarkdown.render(CHARTS, Path.of("charts")));
    }

    @Test
    void linksUseSlashesAndEscapeWhatWouldBreakThem() {
        String markdown = ChartsMarkdown.render(CHARTS.subList(0, 1), Path.of("..", "my charts (v2)"));

        assertEquals("\n## Charts\n\n### across cells\n\n"
                + "![warm TTFT p50 per prompt](../my%20charts%20%28v2%29/warm-ttft-p50.svg)\n", markdown);
        assertEquals("\n## Charts\n\n### across cells\n\n![warm TTFT p50 per prompt](warm-ttft-p50.svg)\n",
                ChartsMarkdown.render(CHARTS.subList(0, 1), Path.of("")));
    }

    @Test
    void aRunWithoutChartsSaysSo() {
        assertEquals("\n## Charts\n\nno charts: the run has no call to draw\n", ChartsMarkdown.render(List.of(), Path.of("c")));
    }
}
