package org.inferbench.ledger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonParseException;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a ledger line is, peeked at before it is bound to a record: its {@code type} and {@code phase},
 * and which required fields it has. Required fields are checked here because the records cannot tell: a
 * missing {@code run_idx} binds to 0 and a missing {@code cell_id} to null. A field with the value null
 * is missing.
 *
 * <p>The peek stops as soon as it has seen every required field. The harness writes them first, so on its
 * own ledgers the peek reads a few dozen characters and the line is lexed in full once, by the binding.
 */
record LineHeader(String type, String phase, Set<String> present) {

    /** What every call line needs, skipped or not. */
    static final List<String> CALL_FIELDS = List.of("type", "cell_id", "prompt_id", "phase");
    /** What a call that was made needs on top. */
    static final List<String> MADE_CALL_FIELDS = List.of("type", "cell_id", "prompt_id", "phase", "run_idx");

    /**
     * @throws JsonParseException when what was read of the line is not JSON (or not an object)
     */
    static LineHeader peek(JsonFactory factory, String line) throws IOException {
        try (JsonParser p = factory.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new JsonParseException(p, "expected a JSON object");
            }
            String type = null;
            String phase = null;
            Set<String> present = new HashSet<>();
            while (present.size() < MADE_CALL_FIELDS.size() && p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (value != JsonToken.VALUE_NULL && MADE_CALL_FIELDS.contains(name)) {
                    present.add(name);
                }
                if (value == JsonToken.VALUE_STRING && name.equals("type")) {
                    type = p.getText();
                } else if (value == JsonToken.VALUE_STRING && name.equals("phase")) {
                    phase = p.getText();
                }
                p.skipChildren();
            }
            return new LineHeader(type, phase, present);
        }
    }

    /** "'cell_id', 'run_idx'": those of {@code required} this line lacks; empty when it has them all. */
    String missing(List<String> required) {
        if (present.containsAll(required)) {
            return "";
        }
        return required.stream().filter(name -> !present.contains(name))
                .map(name -> "'" + name + "'").collect(Collectors.joining(", "));
    }
}
