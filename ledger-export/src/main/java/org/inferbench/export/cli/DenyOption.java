package org.inferbench.export.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.inferbench.export.publish.LeakScanner;
import picocli.CommandLine.Option;

/** {@code --deny PATTERN}, shared by the commands that run the leak gate ({@code scrub}, {@code package}, {@code catalogue}). */
public final class DenyOption {

    @Option(names = "--deny", paramLabel = "PATTERN",
            description = "Also a leak: whatever this regular expression (Java syntax) matches, e.g. an internal "
                    + "host name. Repeatable.")
    List<Pattern> patterns = new ArrayList<>();

    /** The built-in rules and these patterns. */
    LeakScanner scanner() {
        return new LeakScanner(patterns);
    }
}
