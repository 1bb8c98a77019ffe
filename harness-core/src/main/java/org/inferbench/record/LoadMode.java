package org.inferbench.record;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How a load level sends its calls (SPEC section 12, {@code load_mode}).
 *
 * <ul>
 *   <li>{@link #CLOSED}: N workers, each sending its next call when its previous one ends. The server sets the
 *       pace: a slow server is sent fewer calls, so latency under a closed loop flatters it (coordinated
 *       omission). It answers "how many users can this node serve at once".</li>
 *   <li>{@link #OPEN}: calls leave on a schedule fixed in advance, whatever the server does. A call that cannot
 *       leave on time (the concurrency cap is reached) leaves late, and its lateness is recorded, so latency can
 *       be read from the schedule as a user would feel it. It answers "what happens at R requests per second".</li>
 * </ul>
 */
public enum LoadMode {
    CLOSED,
    OPEN;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code closed} or {@code open}, as the ledger writes it. */
    @JsonCreator
    public static LoadMode fromWireName(String name) {
        for (LoadMode mode : values()) {
            if (mode.wireName().equals(name)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not a load mode: closed or open");
    }
}
