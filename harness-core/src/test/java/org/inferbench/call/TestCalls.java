package org.inferbench.call;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import mockwebserver3.MockWebServer;
import org.inferbench.config.Prompt;
import org.inferbench.record.ColdKind;
import org.inferbench.record.Phase;
import org.inferbench.testing.FakeTicker;

/** What the client tests share: a prompt, a fixed wall clock, a stepping ticker, a context. */
final class TestCalls {

    static final Prompt EASY = new Prompt("P-EASY", "trivial single-token response space", "hi\n", 64);

    /** Every ticker reading is 10 ms after the previous one (see {@link FakeTicker}). */
    static final Duration STEP = Duration.ofMillis(10);

    static final Clock WALL = Clock.fixed(Instant.parse("2025-08-20T12:34:56.789Z"), ZoneOffset.UTC);

    static final CallContext WARM = new CallContext("pavilion:llamacpp:qwen3.5:0.8b", "P-EASY", Phase.WARM, 2,
            ColdKind.PROCESS_WARM, "llamacpp", null);

    private TestCalls() {
    }

    static CallRequest request(MockWebServer server) {
        return CallRequest.of(server.url("/").toString(), "qwen3.5:0.8b", EASY);
    }

    /** A client on a fresh stepping ticker, with short timeouts so that failure tests stay quick. */
    static InferenceClient steppingClient() {
        return new InferenceClient(HttpClients.newClient(Duration.ofSeconds(2), Duration.ofSeconds(2)),
                new FakeTicker().autoAdvance(STEP), WALL, CallListener.NONE);
    }
}
