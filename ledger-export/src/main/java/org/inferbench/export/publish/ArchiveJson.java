package org.inferbench.export.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.inferbench.record.Json;

/**
 * How the archive's own JSON files ({@code metadata.json}, {@code catalogue.json}) are written: by
 * the project's mapper, one value per line so that a finding's line number points at one field,
 * {@code \n} whatever the platform, and one final newline. Same value, same bytes.
 */
final class ArchiveJson {

    private ArchiveJson() {
    }

    private static final DefaultIndenter INDENTER = new DefaultIndenter("  ", "\n");

    private static final ObjectWriter WRITER = Json.mapper().writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(INDENTER)
            .withArrayIndenter(INDENTER));

    static byte[] bytes(Object value) {
        try {
            return (WRITER.writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            // Our own records always serialize; this would be a programming error.
            throw new UncheckedIOException(e);
        }
    }
}
