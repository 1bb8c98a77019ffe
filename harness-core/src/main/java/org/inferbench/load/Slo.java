package org.inferbench.load;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.inferbench.record.CallRecord;

/**
 * Service-level objectives a call must meet to count towards goodput: {@code --slo ttft_ms=500,tpot_ms=50}. A call
 * meets them when it did not fail and every named bound holds; an unknown value (no TPOT for a one-token answer)
 * does not meet a bound on it.
 *
 * <p>TTFT is read from the schedule (first_delta_ms + send_lag_ms) where there is one: a user who arrived on time
 * waited that long, whatever made the call leave late.
 *
 * @param bounds metric name to its largest acceptable value in milliseconds, in the order given
 */
public record Slo(Map<String, Double> bounds) {

    /** The metrics an SLO can bound. */
    public static final String TTFT_MS = "ttft_ms";
    public static final String TPOT_MS = "tpot_ms";
    public static final String TOTAL_MS = "total_ms";

    public Slo {
        bounds = Map.copyOf(bounds);
    }

    /**
     * Parses {@code name=ms,name=ms}.
     *
     * @throws IllegalArgumentException naming what is wrong and what is accepted
     */
    public static Slo parse(String text) {
        Map<String, Double> bounds = new LinkedHashMap<>();
        for (String part : text.split(",", -1)) {
            String[] pair = part.strip().split("=", 2);
            String name = pair[0].strip().toLowerCase(Locale.ROOT);
            if (pair.length != 2 || !(name.equals(TTFT_MS) || name.equals(TPOT_MS) || name.equals(TOTAL_MS))) {
                throw new IllegalArgumentException("'" + part.strip() + "' is not an objective: name=milliseconds"
                        + " with name " + TTFT_MS + ", " + TPOT_MS + " or " + TOTAL_MS);
            }
            double value;
            try {
                value = Double.parseDouble(pair[1].strip());
            } catch (NumberFormatException e) {
                value = Double.NaN;
            }
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("'" + part.strip() + "': the bound is a number of milliseconds above 0");
            }
            if (bounds.put(name, value) != null) {
                throw new IllegalArgumentException("'" + name + "' is given twice");
            }
        }
        return new Slo(bounds);
    }

    /** Whether this call did not fail and met every bound. */
    public boolean met(CallRecord call) {
        if (call.failed()) {
            return false;
        }
        for (Map.Entry<String, Double> bound : bounds.entrySet()) {
            Double value = switch (bound.getKey()) {
                case TTFT_MS -> ttftFromSchedule(call);
                case TPOT_MS -> call.tpotMs();
                default -> call.totalDurationMs() == null ? null : call.totalDurationMs().doubleValue();
            };
            if (value == null || value > bound.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** Time to first token as a user who arrived on schedule felt it; from the actual send where there is no schedule. */
    public static Double ttftFromSchedule(CallRecord call) {
        if (call.firstDeltaMs() == null) {
            return null;
        }
        return call.firstDeltaMs() + (call.sendLagMs() == null ? 0 : call.sendLagMs());
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        bounds.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(bound -> text
                .append(text.length() == 0 ? "" : ",").append(bound.getKey()).append('=')
                .append(String.format(Locale.ROOT, "%s", bound.getValue() % 1 == 0
                        ? Long.toString(bound.getValue().longValue()) : bound.getValue().toString())));
        return text.toString();
    }
}
