package org.inferbench.export.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Errors are handled here, once, for every subcommand. An {@link IOException} means the files the user
 * named cannot be used (missing, unreadable, malformed, unwritable): one line on stderr that names the
 * file and what is wrong, exit {@value ExitCodes#USAGE}, no stack trace. Anything else is a bug and goes
 * to picocli's default (stack trace, exit {@value ExitCodes#SOFTWARE}).
 */
final class UserErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception exception, CommandLine command, ParseResult parseResult)
            throws Exception {
        IOException problem = exception instanceof UncheckedIOException unchecked ? unchecked.getCause()
                : exception instanceof IOException io ? io : null;
        if (problem == null) {
            throw exception;
        }
        String message = command.getCommandSpec().qualifiedName() + ": " + describe(problem);
        command.getErr().println(command.getColorScheme().errorText(message));
        command.getErr().flush();
        return ExitCodes.USAGE;
    }

    /** The JDK's file exceptions carry only the path as their message. */
    static String describe(IOException e) {
        if (e instanceof NoSuchFileException f) {
            return f.getFile() + ": no such file";
        }
        if (e instanceof AccessDeniedException f) {
            return f.getFile() + ": permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getFile() + ": " + f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
