package org.inferbench.export.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A positional input argument: a file, or standard input for {@code -} or no argument.
 *
 * @param name what messages call it: the path as given, or {@value #STDIN}
 */
record Input(Path file, String name) {

    static final String STDIN_ARGUMENT = "-";
    static final String STDIN = "<stdin>";

    static Input of(String argument) {
        return argument == null || argument.equals(STDIN_ARGUMENT) ? new Input(null, STDIN)
                : new Input(Path.of(argument), argument);
    }

    /** Opens the file, or wraps {@code stdin} so that closing the result leaves standard input open. */
    InputStream open(InputStream stdin) throws IOException {
        if (file == null) {
            return new FilterInputStream(stdin) {
                @Override
                public void close() {
                }
            };
        }
        return Files.newInputStream(file);
    }
}
