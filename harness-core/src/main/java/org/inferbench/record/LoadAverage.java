package org.inferbench.record;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The machine's load average over 1, 5 and 15 minutes, as the methodology defines it ({@code os.getloadavg()}):
 * written as the three-number array {@code [1m, 5m, 15m]}, the shape the team's first harness wrote and months of
 * ledgers hold (SPEC section 5). A figure the platform does not tell is null.
 *
 * <p>Read leniently: the array, or the single number that harness versions 0.1.x wrote (the 1-minute value), so
 * every ledger that exists still reads.
 */
public record LoadAverage(Double oneMinute, Double fiveMinutes, Double fifteenMinutes) {

    /** Only the 1-minute figure is known (the JVM's own {@code getSystemLoadAverage}). */
    public static LoadAverage ofOneMinute(double oneMinute) {
        return new LoadAverage(oneMinute, null, null);
    }

    /** The ledger shape: {@code [1m, 5m, 15m]}. */
    @JsonValue
    List<Double> asArray() {
        return Arrays.asList(oneMinute, fiveMinutes, fifteenMinutes);
    }

    /**
     * Reads {@code [1m, 5m, 15m]} (fewer numbers leave the rest null) or a single number (the 1-minute value).
     *
     * @throws IllegalArgumentException for anything else: Jackson reports it with the field's name
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static LoadAverage read(JsonNode node) {
        if (node.isNumber()) {
            return new LoadAverage(figure(node), null, null);
        }
        if (!node.isArray() || node.size() > 3) {
            throw new IllegalArgumentException("a load average is [1m, 5m, 15m] (up to three numbers) or one number");
        }
        return new LoadAverage(figure(node.get(0)), figure(node.get(1)), figure(node.get(2)));
    }

    private static Double figure(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber() || !Double.isFinite(node.doubleValue()) || node.doubleValue() < 0) {
            throw new IllegalArgumentException("a load average figure is a number of at least 0, not " + node);
        }
        return node.doubleValue();
    }

    /** The 1-minute figure of a load average that may be missing: the one the load guard and reports use. */
    public static Optional<Double> oneMinuteOf(LoadAverage load) {
        return Optional.ofNullable(load).map(LoadAverage::oneMinute);
    }
}
