package org.inferbench.sample;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.SortedMap;
import org.inferbench.record.Json;

/**
 * Reads llama-server's {@code /slots}, a JSON array with one object per slot: {@code slots_total} and
 * {@code slots_processing} (those whose {@code is_processing} is true). The rest (prompts, sampling settings) is left
 * alone: it is the users' text, not a measure.
 */
final class SlotsJson {

    private SlotsJson() {
    }

    /** @throws SampleFormatException when the answer is not an array of objects */
    static SortedMap<String, Double> parse(String body) throws SampleFormatException {
        JsonNode slots;
        try {
            slots = Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new SampleFormatException("not JSON");
        }
        if (slots == null || !slots.isArray()) {
            throw new SampleFormatException("not a JSON array of slots");
        }
        int processing = 0;
        for (JsonNode slot : slots) {
            if (!slot.isObject()) {
                throw new SampleFormatException("not a JSON array of slots");
            }
            if (slot.path("is_processing").booleanValue()) {
                processing++;
            }
        }
        SampleValues values = new SampleValues();
        values.put("slots_total", slots.size());
        values.put("slots_processing", processing);
        return values.values();
    }
}
