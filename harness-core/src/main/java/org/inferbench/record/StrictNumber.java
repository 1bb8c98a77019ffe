package org.inferbench.record;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;

/**
 * A JSON number as a {@code Double}, and nothing else. Jackson's own reading of a {@code Double} accepts the string
 * {@code "1.5"} too; a sample's values are numbers on the wire (SPEC section 12), so anything else is a bad line.
 */
final class StrictNumber extends JsonDeserializer<Double> {

    @Override
    public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken token = p.currentToken();
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            return (Double) ctxt.handleUnexpectedToken(Double.class, token, p, "not a number: %s", token);
        }
        double value = p.getDoubleValue();
        if (!Double.isFinite(value)) {
            return (Double) ctxt.handleWeirdNumberValue(Double.class, value, "not a finite number");
        }
        return value;
    }
}
