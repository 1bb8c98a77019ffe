package org.inferbench.export.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.inferbench.export.aggregate.RunAggregator;
import org.inferbench.export.aggregate.RunSource;
import org.inferbench.export.aggregate.RunSummary;
import org.inferbench.export.read.InputFiles;
import org.inferbench.export.read.RunReader;
import org.inferbench.export.read.SecondRunException;

/**
 * An input run: a file, standard input for {@code -} or no argument, or a run read back from a search store
 * ({@code --from URL}, the run named {@code run:<ID>} or by {@code --run ID}). All three are read by the same
 * {@link RunReader}, so the report does not depend on where the run came from.
 *
 * @param name  what messages call it: the path as given, {@value #STDIN}, or {@code run:<ID>}
 * @param store the store holding the run, or null
 */
record Input(Path file, String name, StoredRunInput store) {

    static final String STDIN_ARGUMENT = "-";
    static final String STDIN = "<stdin>";
    /** The prefix naming a run of the {@code --from} store in place of a file: {@code run:<ID>}. */
    static final String RUN_PREFIX = "run:";

    static Input of(String argument) {
        return argument == null || argument.equals(STDIN_ARGUMENT) ? new Input(null, STDIN, null)
                : new Input(Path.of(argument), argument, null);
    }

    /** A run read back from a store. */
    static Input stored(StoredRunInput store) {
        return new Input(null, RUN_PREFIX + store.runId(), store);
    }

    boolean isStdin() {
        return file == null && store == null;
    }

    /** Opens the file (refusing a directory, a FIFO or a device), or wraps {@code stdin} so that closing the result leaves standard input open. */
    InputStream open(InputStream stdin) throws IOException {
        if (store != null) {
            return store.open();
        }
        if (file == null) {
            return new FilterInputStream(stdin) {
                @Override
                public void close() {
                }
            };
        }
        return InputFiles.open(file);
    }

    /**
     * Reads and aggregates the run (ledger or JMH results). The lines the reader passed over go to
     * {@code err} as warnings, and so does a run that did not finish: a killed run's ledger holds
     * only whole lines, so without this nothing on stderr would tell a script it was cut short.
     */
    RunSummary aggregate(InputStream stdin, PrintWriter err) throws IOException {
        RunAggregator aggregator = new RunAggregator();
        RunSource source;
        try (InputStream stream = open(stdin)) {
            source = RunReader.read(stream, name, aggregator);
        } catch (SecondRunException refused) {
            throw file == null ? refused : refused.naming(RunReader.secondRunId(file, refused.line()));
        }
        RunSummary summary = aggregator.summary(source);
        summary.warnings().forEach(warning -> err.println("warning: " + warning));
        summary.meta().filter(meta -> meta.finishedAtUtc() == null).ifPresent(meta -> err.println("warning: " + name
                + ": the run did not finish (finished_at_utc is null); its completed calls are aggregated"));
        err.flush();
        return summary;
    }
}
