package org.inferbench.sample;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.SortedMap;
import org.inferbench.record.Json;

/**
 * Reads Ollama's {@code /api/ps} ({@code {"models": [...]}}): {@code models_loaded}, {@code size_bytes} and
 * {@code size_vram_bytes} summed over the models, and {@code expires_in_s}, the seconds until the first of them is
 * unloaded (absent with no model, or no readable {@code expires_at}). A size that is not a non-negative number is
 * left out of the sums.
 */
final class OllamaPs {

    private OllamaPs() {
    }

    /**
     * @param now the wall clock at the poll
     * @throws SampleFormatException when the answer is not an object with a {@code models} array
     */
    static SortedMap<String, Double> parse(String body, Instant now) throws SampleFormatException {
        JsonNode ps;
        try {
            ps = Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new SampleFormatException("not JSON");
        }
        JsonNode models = ps == null ? null : ps.get("models");
        if (models == null || !models.isArray()) {
            throw new SampleFormatException("no models array");
        }
        double size = 0;
        double sizeVram = 0;
        Double expiresInSeconds = null;
        for (JsonNode model : models) {
            size += bytes(model.get("size"));
            sizeVram += bytes(model.get("size_vram"));
            Double expires = secondsUntil(model.path("expires_at"), now);
            if (expires != null && (expiresInSeconds == null || expires < expiresInSeconds)) {
                expiresInSeconds = expires;
            }
        }
        SampleValues values = new SampleValues();
        values.put("models_loaded", models.size());
        values.put("size_bytes", size);
        values.put("size_vram_bytes", sizeVram);
        if (expiresInSeconds != null) {
            values.put("expires_in_s", expiresInSeconds);
        }
        return values.values();
    }

    private static double bytes(JsonNode size) {
        return size != null && size.isNumber() && size.doubleValue() >= 0 && Double.isFinite(size.doubleValue())
                ? size.doubleValue() : 0;
    }

    /** Seconds from {@code now} to an RFC 3339 instant (negative once past); null when it is not one. */
    private static Double secondsUntil(JsonNode instant, Instant now) {
        if (!instant.isTextual() || instant.asText().length() > 64) {
            return null;
        }
        try {
            Duration left = Duration.between(now, OffsetDateTime.parse(instant.asText()).toInstant());
            return left.toMillis() / 1000.0;
        } catch (DateTimeParseException | ArithmeticException e) {
            return null;
        }
    }
}
