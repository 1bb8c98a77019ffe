package org.inferbench.export.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import mockwebserver3.MockWebServer;
import org.inferbench.config.Environment;
import org.inferbench.export.cli.CommandRun;
import org.inferbench.export.cli.ExitCodes;
import org.inferbench.export.testing.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ship}'s leak gate, through the command: what it finds ships nothing. */
class ShipGateTest {

    private static final Environment CREDENTIALS = Environment.of(Map.of(SearchCredentials.USER, "shipper",
            SearchCredentials.PASSWORD, "Pw0rdXYZ"));

    @TempDir
    Path dir;

    private final MockWebServer server = new MockWebServer();
    private final ScriptedStore store = new ScriptedStore();

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(store);
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aLedgerHoldingTheStoresOwnPasswordShipsNothingAndTheFindingDoesNotShowIt() throws IOException {
        // A prompt id that happens to be the store's password: no built-in rule knows it is a secret.
        Path ledger = Files.writeString(dir.resolve("run.jsonl"),
                new String(Fixtures.bytes(Fixtures.SMALL_RUN)).replace("P-EASY", "Pw0rdXYZ"));

        CommandRun run = CommandRun.of(CREDENTIALS, "ship", ledger.toString(), "--to", server.url("/").toString());

        assertEquals(ExitCodes.LEAKS, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains(ledger + ":2: the search store's credential (INFERBENCH_SEARCH_*) '***'"),
                run.out());
        assertFalse((run.out() + run.err()).contains("Pw0"), run.out() + run.err());
        assertEquals(0, server.getRequestCount());
    }
}
