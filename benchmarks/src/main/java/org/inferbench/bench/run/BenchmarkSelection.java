package org.inferbench.bench.run;

import java.util.List;
import java.util.regex.Pattern;
import org.openjdk.jmh.runner.options.Options;

/**
 * Which of the harness's benchmarks the user's JMH regexps select, decided the way JMH decides it
 * (a regexp that is found anywhere in the name), before any run: the harness runs each benchmark its
 * own way (the matrix per cell, with a ledger; the loopback baseline once).
 */
public final class BenchmarkSelection {

    private BenchmarkSelection() {
    }

    /** Whether the user's {@code -e} and include regexps select {@code benchmark}. */
    public static boolean selects(Options cli, String benchmark) {
        List<String> includes = cli.getIncludes();
        boolean included = includes.isEmpty() || includes.stream().anyMatch(regexp -> found(regexp, benchmark));
        return included && cli.getExcludes().stream().noneMatch(regexp -> found(regexp, benchmark));
    }

    /** The regexp that selects exactly this benchmark, for the harness's own runs. */
    static String only(String benchmark) {
        return "^" + Pattern.quote(benchmark) + "$";
    }

    private static boolean found(String regexp, String benchmark) {
        return Pattern.compile(regexp).matcher(benchmark).find();
    }
}
