package org.inferbench.export.publish;

import java.util.Comparator;

/**
 * A leak at a place in a file, printed as {@code path:line: what}, the form editors and CI
 * annotators turn into a link.
 *
 * @param path as shown to the user: as given on the command line, or where the file is published
 * @param line 1-based, or {@value #NAME} for a leak in the file's (or folder's) name
 */
public record Finding(String path, int line, Leak leak) implements Comparable<Finding> {

    /** The "line" of a leak in a name rather than in the content. */
    public static final int NAME = 0;

    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::path)
            .thenComparingInt(Finding::line)
            .thenComparing(Finding::leak, Leak.IN_LINE_ORDER);

    @Override
    public int compareTo(Finding other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return line == NAME ? path + ": in the name: " + leak.describe() : path + ":" + line + ": " + leak.describe();
    }
}
