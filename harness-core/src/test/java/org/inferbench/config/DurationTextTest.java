package org.inferbench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {

    @Test
    void readsTheUnitsAPersonWrites() {
        assertEquals(Duration.ofMillis(500), DurationText.parse("500ms"));
        assertEquals(Duration.ofSeconds(60), DurationText.parse(" 60s "));
        assertEquals(Duration.ofMinutes(5), DurationText.parse("5m"));
        assertEquals(Duration.ofHours(1), DurationText.parse("1h"));
        assertEquals("1h", DurationText.format(Duration.ofHours(1)));
        assertEquals("90s", DurationText.format(Duration.ofSeconds(90)));
        assertEquals("1500ms", DurationText.format(Duration.ofMillis(1500)));
    }

    @Test
    void anythingElseSaysWhatIsAccepted() {
        for (String bad : new String[] {"60", "1.5s", "-1s", "1d", "", "99999999999s"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DurationText.parse(bad));
            assertEquals("'" + bad + "' is not a duration: a whole number and a unit, e.g. 500ms, 60s, 5m, 1h",
                    e.getMessage());
        }
    }
}
