package org.inferbench.bench.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.inferbench.testing.FakeTicker;
import org.inferbench.time.Sleeper;
import org.junit.jupiter.api.Test;

class PacerTest {

    private final FakeTicker ticker = new FakeTicker();
    private final List<Duration> sleeps = new ArrayList<>();
    /** Sleeping moves the fake clock on, as real sleep would. */
    private final Sleeper sleeper = duration -> {
        sleeps.add(duration);
        ticker.advance(duration);
    };
    private final Pacer pacer = new Pacer(Duration.ofSeconds(1), ticker, sleeper);

    @Test
    void firstCallDoesNotWait() throws InterruptedException {
        pacer.awaitTurn();

        assertEquals(List.of(), sleeps);
    }

    @Test
    void callRightAfterAnotherWaitsTheRestOfTheSecond() throws InterruptedException {
        pacer.mark();
        ticker.advanceMillis(300);

        pacer.awaitTurn();

        assertEquals(List.of(Duration.ofMillis(700)), sleeps);
    }

    @Test
    void callAfterTheIntervalDoesNotWait() throws InterruptedException {
        pacer.mark();
        ticker.advanceMillis(1000);

        pacer.awaitTurn();

        assertEquals(List.of(), sleeps);
    }

    @Test
    void backToBackCallsAreSpacedOneSecondApartNotBurst() throws InterruptedException {
        List<Long> callStarts = new ArrayList<>();
        for (int call = 0; call < 4; call++) {
            pacer.awaitTurn();
            pacer.mark();
            callStarts.add(ticker.read() / 1_000_000);
            ticker.advanceMillis(250); // the call itself
        }

        assertEquals(List.of(0L, 1000L, 2000L, 3000L), callStarts);
    }
}
