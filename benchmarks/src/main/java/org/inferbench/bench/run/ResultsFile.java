package org.inferbench.bench.run;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.inferbench.bench.state.CallRecordRelay;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Defaults;
import org.openjdk.jmh.runner.options.Options;

/**
 * The user's {@code -rf}/{@code -rff} file, written once at the end from the results of every JMH
 * run of the harness (one per cell, plus the loopback baseline), in JMH's own formats. JMH would
 * write it per run, each overwriting the last; the harness points those at a scratch file instead.
 *
 * <p>The relay's text results are left out: JMH would write them as a secondary metric full of NaN.
 */
public final class ResultsFile {

    private ResultsFile() {
    }

    /** Whether the user asked for a results file, as JMH decides it. */
    public static boolean requested(Options cli) {
        return cli.getResult().hasValue() || cli.getResultFormat().hasValue();
    }

    /** The file JMH would write: {@code -rff}, or {@code jmh-result.<format>}. */
    public static String path(Options cli) {
        return cli.getResult().orElse(Defaults.RESULT_FILE_PREFIX + "." + format(cli).toString().toLowerCase(Locale.ROOT));
    }

    static void write(Options cli, Collection<RunResult> results) {
        ResultFormatFactory.getInstance(format(cli), path(cli)).writeOut(withoutRelay(results));
    }

    private static ResultFormatType format(Options cli) {
        return cli.getResultFormat().orElse(Defaults.RESULT_FORMAT);
    }

    static List<RunResult> withoutRelay(Collection<RunResult> results) {
        return results.stream().map(run -> new RunResult(run.getParams(),
                run.getBenchmarkResults().stream().map(ResultsFile::withoutRelay).toList())).toList();
    }

    private static BenchmarkResult withoutRelay(BenchmarkResult fork) {
        List<IterationResult> iterations = fork.getIterationResults().stream().map(ResultsFile::withoutRelay).toList();
        BenchmarkResult copy = new BenchmarkResult(fork.getParams(), iterations, fork.getMetadata());
        fork.getBenchmarkResults().values().forEach(copy::addBenchmarkResult);
        return copy;
    }

    private static IterationResult withoutRelay(IterationResult iteration) {
        IterationResult copy = new IterationResult(iteration.getBenchmarkParams(), iteration.getParams(),
                iteration.getMetadata());
        copy.addResults(iteration.getRawPrimaryResults());
        for (Result result : iteration.getRawSecondaryResults().values()) {
            if (!CallRecordRelay.isRelay(result)) {
                copy.addResult(result);
            }
        }
        return copy;
    }
}
