package org.inferbench.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A mistake in {@code cells.yaml} or {@code prompts.yaml}: one message saying where and what, in the
 * {@code path:line: what is wrong} form editors and terminals turn into a link.
 *
 * <p>Unchecked because nothing between the loader and the command line can repair a bad file: the
 * top level prints {@link #getMessage()} (never the stack trace) and exits.
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final String key;
    private final String problem;

    /**
     * @param file    the file as the user named it
     * @param line    1-based; 0 when the problem is the file as a whole (missing, unreadable)
     * @param key     the key the problem is about, or null
     * @param problem what is wrong, fit for a user
     */
    public ConfigException(Path file, int line, String key, String problem) {
        this(file, line, key, problem, null);
    }

    public ConfigException(Path file, int line, String key, String problem, Throwable cause) {
        super(format(file, line, key, problem), cause);
        this.file = Objects.requireNonNull(file, "file");
        this.line = line;
        this.key = key;
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    private static String format(Path file, int line, String key, String problem) {
        String where = line > 0 ? file + ":" + line + ": " : file + ": ";
        if (key == null) {
            return where + problem;
        }
        return where + "key " + (Quote.isPlain(key) ? "'" + key + "'" : Quote.of(key)) + ": " + problem;
    }

    public Path file() {
        return file;
    }

    /** 1-based; 0 when the problem is the file as a whole. */
    public int line() {
        return line;
    }

    public Optional<String> key() {
        return Optional.ofNullable(key);
    }

    /** What is wrong, without the location. */
    public String problem() {
        return problem;
    }
}
