package org.inferbench.bench.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The error arithmetic on made-up stamps: the client's time zero drops out, gaps are signed. */
class StreamErrorsTest {

    private static final Schedule THREE_TOKENS = new Schedule(Duration.ofMillis(50), Duration.ofMillis(10), 3);

    @Test
    void errorsAreClientStampsMinusEmitterStamps() {
        // Request sent at 1,000, arrived at 1,300; writes (3 tokens, then the tail) stamped at:
        EmittedStream emitted = new EmittedStream("s", 1_300, new long[] {51_300, 61_300, 71_300, 81_300});
        // Read 40, 90, 20 ns after the token writes; finish, usage and [DONE] all after the tail write.
        ReceivedStream received = new ReceivedStream("s", 1_000,
                new long[] {51_340, 61_390, 71_320, 81_400, 81_450, 81_500}, null);

        StreamErrors errors = StreamErrors.between(emitted, received, THREE_TOKENS);

        assertEquals(300, errors.sendNanos());
        assertEquals(40, errors.firstEventNanos());
        assertArrayEquals(new long[] {50, -70}, errors.gapNanos());
        assertEquals(200, errors.totalNanos());
    }
}
