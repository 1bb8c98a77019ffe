package org.inferbench.export.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code -o FILE}, shared by the subcommands that write a report: a file (UTF-8), or standard output. */
public final class OutputOption {

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write to FILE (UTF-8, parent directories created) instead of standard output.")
    Path file;

    /** Where the report goes: the file's directory, or the working directory for standard output. */
    Path directory() {
        return file == null ? Path.of("").toAbsolutePath() : file.toAbsolutePath().getParent();
    }

    /** Writes {@code text} to the file, or to the command's standard output. */
    void write(String text, CommandLine command) throws IOException {
        if (file == null) {
            PrintWriter out = command.getOut();
            out.print(text);
            out.flush();
            return;
        }
        Files.createDirectories(directory());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
