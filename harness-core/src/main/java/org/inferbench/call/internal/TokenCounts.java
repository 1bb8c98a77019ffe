package org.inferbench.call.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import org.inferbench.config.Defaults;

/**
 * What a token count from a server must be to be believed, whichever API sent it ({@code usage.prompt_tokens},
 * Ollama's {@code eval_count}): a whole number from 0 to {@link Defaults#MAX_TOKEN_COUNT}. A silent null would hide a
 * broken server; a negative or absurd count would poison every mean it enters.
 */
final class TokenCounts {

    private static final BigDecimal MAX = BigDecimal.valueOf(Defaults.MAX_TOKEN_COUNT);

    private TokenCounts() {
    }

    /** True for a count; false for anything else but an absent or null value, which says nothing. */
    static boolean isBad(JsonNode count) {
        if (count == null || count.isNull()) {
            return false;
        }
        if (!count.isNumber() || !Double.isFinite(count.doubleValue())) {
            return true; // 1e400 reads as infinity, which has no decimal value
        }
        BigDecimal value = count.decimalValue();
        boolean whole = count.isIntegralNumber() || value.stripTrailingZeros().scale() <= 0;
        return !whole || value.signum() < 0 || value.compareTo(MAX) > 0;
    }

    /** The count, or null when the value says nothing; call only after {@link #isBad} said no. */
    static Integer of(JsonNode count) {
        return count == null || count.isNull() ? null : count.intValue();
    }
}
