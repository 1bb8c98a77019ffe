package org.inferbench.export.chart;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.inferbench.export.aggregate.Endurance;
import org.inferbench.export.aggregate.EnduranceSummary;
import org.inferbench.export.aggregate.RunSummary;
import org.inferbench.export.aggregate.Windows;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.VectorGraphicsEncoder.VectorGraphicsFormat;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes a run's charts ({@link RunCharts}) as SVG files, drawn by XChart, and says what it wrote.
 *
 * <p>Headless: the tool runs where there is no display (CI, a server over SSH), so this sets
 * {@code java.awt.headless=true} before anything touches AWT. AWT reads that property once, on first use,
 * and nothing in this tool uses AWT before the charts: a documented hand-off to the JDK, the one global
 * this code sets. Text is measured, and drawn as outlines, with the JDK's fonts: the machine needs
 * fontconfig and a font (Debian: {@code fontconfig fonts-dejavu-core}), and another font gives other
 * (equally valid) bytes.
 *
 * <p>Deterministic: the same summary gives the same bytes on the same machine. XChart writes no date; the
 * one unstable thing in its SVG is the id of a clip path, which VectorGraphics2D derives from the clip
 * shape's {@code hashCode} (an identity hash for anything but a rectangle), so ids are renumbered in order
 * of appearance.
 */
public final class ChartWriter {

    private static final Pattern CLIP_ID = Pattern.compile("(id=\"|url\\(#)clip(-?\\d+)");

    private ChartWriter() {
    }

    /**
     * Writes the charts into {@code dir} (created if needed), replacing files of the same names and leaving
     * any other file there alone.
     *
     * @return the charts written, in report order
     * @throws FileSystemException when {@code dir} exists and is not a directory
     */
    public static List<ChartFile> write(RunSummary run, Path dir) throws IOException {
        return write(run, Endurance.analyse(run.timeline(), Windows.automatic()), dir);
    }

    /** As {@link #write(RunSummary, Path)}, with the charts over time of {@code endurance} when present. */
    public static List<ChartFile> write(RunSummary run, Optional<EnduranceSummary> endurance, Path dir)
            throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new FileSystemException(dir.toString(), null, "not a directory (--charts names the directory "
                    + "the charts go to)");
        }
        System.setProperty("java.awt.headless", "true");
        Files.createDirectories(dir);
        List<ChartFile> written = new ArrayList<>();
        for (RunCharts.Planned planned : RunCharts.plan(run, endurance)) {
            Files.writeString(dir.resolve(planned.file().fileName()), svg(planned.chart()), StandardCharsets.UTF_8);
            written.add(planned.file());
        }
        return written;
    }

    static String svg(Chart<?, ?> chart) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        VectorGraphicsEncoder.saveVectorGraphic(chart, bytes, VectorGraphicsFormat.SVG);
        return renumberClipIds(bytes.toString(StandardCharsets.UTF_8));
    }

    /** {@code clip<hash>} becomes {@code clip1}, {@code clip2}... in order of first appearance. */
    static String renumberClipIds(String svg) {
        Map<String, Integer> ids = new HashMap<>();
        return CLIP_ID.matcher(svg).replaceAll(
                match -> Matcher.quoteReplacement(match.group(1) + "clip"
                        + ids.computeIfAbsent(match.group(2), hash -> ids.size() + 1)));
    }
}
