package org.inferbench.record;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one Jackson configuration of the project, so the ledger, the relay to the host and the
 * reports all read and write JSON the same way.
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            // "Tolerate old, require new": a reader ignores fields appended after it was built.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // Same input, same bytes: maps are written in key order.
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private Json() {
    }

    /** The shared mapper. Configured once here and never reconfigured; Jackson mappers are thread-safe. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
