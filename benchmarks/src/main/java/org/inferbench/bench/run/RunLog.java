package org.inferbench.bench.run;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The run's console, kept: everything the harness prints during a run goes to the console and to
 * {@code <benchmark_run_id>.log} beside the ledger (published as the run's {@code run.log}).
 */
final class RunLog implements AutoCloseable {

    private final OutputStream file;
    private final PrintStream console;

    private RunLog(OutputStream file, PrintStream console) {
        this.file = file;
        this.console = console;
    }

    static RunLog open(Path logFile, PrintStream console) throws IOException {
        OutputStream file = Files.newOutputStream(logFile);
        OutputStream both = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                console.write(b);
                file.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                console.write(b, off, len);
                file.write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                console.flush();
                file.flush();
            }
        };
        return new RunLog(file, new PrintStream(both, true, StandardCharsets.UTF_8));
    }

    /** Prints to the console and the log. */
    PrintStream console() {
        return console;
    }

    /** Closes the log file; the console stays open. */
    @Override
    public void close() throws IOException {
        console.flush();
        file.close();
    }
}
