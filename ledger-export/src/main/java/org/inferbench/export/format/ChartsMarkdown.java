package org.inferbench.export.format;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.inferbench.export.chart.ChartFile;

/**
 * The "Charts" section that {@code aggregate --charts} appends to the baseline markdown: every chart as an
 * image link, under its heading (across cells, then each cell), in the order they were written. It goes
 * after the baseline's last line, so that the baseline's own bytes are the same with or without charts.
 */
public final class ChartsMarkdown {

    private ChartsMarkdown() {
    }

    /**
     * @param directory the charts directory relative to the markdown file's; empty when they are the same
     */
    public static String render(List<ChartFile> charts, Path directory) {
        StringBuilder out = new StringBuilder("\n## Charts\n");
        if (charts.isEmpty()) {
            return out.append("\nno charts: the run has no call to draw\n").toString();
        }
        String heading = null;
        for (ChartFile chart : charts) {
            if (!chart.heading().equals(heading)) {
                heading = chart.heading();
                out.append("\n### ").append(heading).append('\n');
            }
            out.append("\n![").append(chart.caption()).append("](").append(link(directory, chart.fileName()))
                    .append(")\n");
        }
        return out.toString();
    }

    /** A relative URL: '/' between the names whatever the platform, and anything unsafe in a link %-escaped. */
    private static String link(Path directory, String fileName) {
        StringBuilder link = new StringBuilder();
        for (Path name : directory) {
            if (!name.toString().isEmpty()) {
                link.append(escape(name.toString())).append('/');
            }
        }
        return link.append(escape(fileName)).toString();
    }

    private static String escape(String name) {
        StringBuilder escaped = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 128 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                escaped.append(c);
            } else {
                escaped.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return escaped.toString();
    }
}
