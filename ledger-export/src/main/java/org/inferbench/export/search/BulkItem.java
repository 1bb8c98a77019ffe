package org.inferbench.export.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.inferbench.record.Json;

/**
 * One document as the two NDJSON lines of a {@code _bulk} request: an {@code index} action (create or
 * replace: shipping twice leaves the same document) and the source.
 *
 * @param file  the ledger it came from, for the report
 * @param line  its line in that ledger
 * @param bytes the action line and the source line, each ended by a newline
 */
record BulkItem(String file, int line, String id, byte[] bytes) {

    static BulkItem of(String file, int line, SearchDocument document) {
        ObjectNode action = JsonNodeFactory.instance.objectNode();
        action.putObject("index").put("_index", document.index()).put("_id", document.id());
        try {
            String text = Json.mapper().writeValueAsString(action) + "\n"
                    + Json.mapper().writeValueAsString(document.source()) + "\n";
            return new BulkItem(file, line, document.id(), text.getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            // A tree built from records always serializes.
            throw new UncheckedIOException(e);
        }
    }

    Rejection rejected(String reason) {
        return new Rejection(file, line, reason);
    }
}
