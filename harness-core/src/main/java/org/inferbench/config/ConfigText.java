package org.inferbench.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A configuration file as the host read it: its path (for messages) and its text. The host reads {@code cells.yaml}
 * and {@code prompts.yaml} once, checks them, and hands these very texts to every JMH fork, which parses them with
 * the same code: a fork never re-reads a file that may have been edited since the run started, so it runs exactly
 * the cells and prompts the host checked. The text holds no secret the file does not (endpoints are interpolated
 * from the environment in each JVM, never written out resolved).
 *
 * @param path the file's path as given, for messages ({@code cells.yaml:12: key 'endpoint': ...})
 * @param text the file's text, decoded and checked as {@link YamlFile} reads it
 */
public record ConfigText(@JsonProperty("path") String path, @JsonProperty("text") String text) {

    public ConfigText {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(text, "text");
    }

    /**
     * Reads a file with every check of the loaders (a regular file, at most {@link Defaults#MAX_CONFIG_FILE_BYTES},
     * strict UTF-8, printable).
     *
     * @throws ConfigException naming the file and what is wrong
     */
    public static ConfigText read(Path file) {
        return new ConfigText(file.toString(), YamlFile.readText(file));
    }

    Path file() {
        return Path.of(path);
    }
}
