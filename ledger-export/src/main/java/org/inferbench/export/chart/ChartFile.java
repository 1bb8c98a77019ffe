package org.inferbench.export.chart;

/**
 * A chart written to the charts directory, as the report links it.
 *
 * @param heading  what the chart belongs to: {@link #ACROSS_CELLS} or a cell id
 * @param caption  what it shows, in words (the image's alternative text)
 * @param fileName its name in the charts directory
 */
public record ChartFile(String heading, String caption, String fileName) {

    /** The heading of the charts that set the cells side by side. */
    public static final String ACROSS_CELLS = "across cells";
}
