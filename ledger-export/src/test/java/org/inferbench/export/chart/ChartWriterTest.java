package org.inferbench.export.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.inferbench.export.aggregate.RunSummary;
import org.inferbench.export.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

class ChartWriterTest {


    @TempDir
    Path dir;

    /** A sequential run, and a load run (its latency-against-throughput chart). */
    @ParameterizedTest
    @ValueSource(strings = {Fixtures.SMALL_RUN, Fixtures.LOAD_RUN})
    void everyPlannedChartIsWrittenAsAnSvgDocument(String fixture) throws Exception {
        RunSummary run = Fixtures.summarize(fixture);
        List<ChartFile> written = ChartWriter.write(run, dir.resolve("charts"));

        assertEquals(RunCharts.plan(run).stream().map(RunCharts.Planned::file).toList(), written);
        for (ChartFile chart : written) {
            Element root = parse(dir.resolve("charts").resolve(chart.fileName()));
            assertEquals("svg", root.getTagName(), chart.fileName());
            assertEquals("http://www.w3.org/2000/svg", root.getAttribute("xmlns"), chart.fileName());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.SMALL_RUN, Fixtures.LOAD_RUN})
    void theSameRunGivesTheSameBytesInAnyLocale(String fixture) throws Exception {
        RunSummary run = Fixtures.summarize(fixture);
        List<ChartFile> written = ChartWriter.write(run, dir.resolve("first"));
        Locale saved = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            ChartWriter.write(run, dir.resolve("second"));
        } finally {
            Locale.setDefault(saved);
        }

        for (ChartFile chart : written) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("first").resolve(chart.fileName())),
                    Files.readAllBytes(dir.resolve("second").resolve(chart.fileName())), chart.fileName());
        }
    }

    @Test
    void clipPathIdsAreNumberedInOrderOfAppearance() {
        String svg = "<clipPath id=\"clip920992376\"/><clipPath id=\"clip-17\"/>"
                + "<g clip-path=\"url(#clip-17)\"/><g clip-path=\"url(#clip920992376)\"/>";

        assertEquals("<clipPath id=\"clip1\"/><clipPath id=\"clip2\"/>"
                + "<g clip-path=\"url(#clip2)\"/><g clip-path=\"url(#clip1)\"/>", ChartWriter.renumberClipIds(svg));
    }

    /** Parses without fetching the SVG 1.1 DTD the file names: tests never touch the network. */
    private static Element parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
    }
}
