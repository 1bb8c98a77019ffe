package org.inferbench.export.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import org.inferbench.config.Environment;
import org.inferbench.export.publish.LeakScanner;
import org.inferbench.export.testing.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a real node cannot be made to do on demand (ShipIT covers the rest): a 429 with Retry-After, a
 * connection dropped mid-batch, a full write queue for one item, and hostile answers (a huge body, bad JSON,
 * an item count that does not match). Waits go through a recording sleeper: nothing here sleeps.
 */
class ShipEdgesTest {

    private static final int ATTEMPTS = 3;

    @TempDir
    Path dir;

    private final MockWebServer server = new MockWebServer();
    private final ScriptedStore store = new ScriptedStore();
    private final List<Duration> waits = new ArrayList<>();
    private final StringWriter err = new StringWriter();
    private Path ledger;
    private List<String> ids;

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(store);
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        // The small run's meta and its first two calls: three documents, one batch.
        List<String> lines = new String(Fixtures.bytes(Fixtures.SMALL_RUN)).lines().limit(3).toList();
        ledger = Files.write(dir.resolve("run.jsonl"), lines);
        String runId = "5f1c2e9a-7b3d-4c1e-9a2f-000000000001";
        ids = List.of(runId + ":1", runId + ":2", runId + ":3");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a429WithRetryAfterIsWaitedAsAskedThenTheBatchIsShipped() throws IOException {
        store.nextBulk(new MockResponse.Builder().code(429).addHeader("Retry-After", "7")
                .body("{\"error\":{\"type\":\"too_many_requests\",\"reason\":\"slow down\"},\"status\":429}").build());

        ShipResult result = ship();

        assertEquals(3, result.shipped(), err.toString());
        assertEquals(List.of(Duration.ofSeconds(7)), waits);
        assertEquals(List.of(ids, ids), store.bulkIds());
    }

    @Test
    void aConnectionDroppedMidBatchSendsTheWholeBatchAgainUnderTheSameIds() throws IOException {
        store.nextBulk(new MockResponse.Builder().onRequestBody(new SocketEffect.CloseSocket()).build());

        ShipResult result = ship();

        assertEquals(3, result.shipped(), err.toString());
        assertTrue(result.complete());
        assertEquals(List.of(Duration.ofSeconds(1)), waits);
        assertEquals(ids, store.bulkIds().get(store.bulkIds().size() - 1));
    }

    @Test
    void anItemRefusedForAFullWriteQueueIsSentAgainAloneAndTheOthersOnce() throws IOException {
        store.nextBulk(ScriptedStore.json(200, ScriptedStore.items(ids, java.util.Arrays.asList(null,
                "429 es_rejected_execution_exception rejected execution of coordinating operation", null))));

        ShipResult result = ship();

        assertEquals(3, result.shipped(), err.toString());
        assertEquals(List.of(ids, List.of(ids.get(1))), store.bulkIds());
        assertEquals(List.of(Duration.ofSeconds(1)), waits);
    }

    @Test
    void aDocumentTheStoreRejectsIsReportedByItsLineAndNotSentAgain() throws IOException {
        store.nextBulk(ScriptedStore.json(200, ScriptedStore.items(ids, java.util.Arrays.asList(null, null,
                "400 mapper_parsing_exception failed to parse field [first_delta_ms] of type [long]\u001b[31m"))));

        ShipResult result = ship();

        assertEquals(2, result.shipped());
        assertEquals(1, result.rejected());
        assertEquals(ledger + ":3: 400 mapper_parsing_exception: failed to parse field [first_delta_ms] of type [long]",
                err.toString().strip());
        assertEquals(1, store.bulkIds().size());
        assertEquals(List.of(), waits);
    }

    @Test
    void anAnswerThatDoesNotAccountForTheRequestIsNeverASuccess() throws IOException {
        for (int i = 0; i < ATTEMPTS; i++) {
            store.nextBulk(ScriptedStore.json(200, ScriptedStore.items(ids.subList(0, 1), null)));
        }

        ShipResult result = ship();

        assertEquals(0, result.shipped());
        assertTrue(result.stopped().endsWith("the store is unavailable after 3 attempts (POST _bulk: the answer holds "
                + "1 item results for 3 documents sent): nothing from line 1 of " + ledger + " on was shipped"),
                result.stopped());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), waits);
    }

    @Test
    void anAnswerThatIsNotJsonIsRetriedThenReported() throws IOException {
        for (int i = 0; i < ATTEMPTS; i++) {
            store.nextBulk(ScriptedStore.json(200, "<html>gateway</html>"));
        }

        ShipResult result = ship();

        assertEquals(0, result.shipped());
        assertTrue(result.stopped().contains("unavailable after 3 attempts (POST _bulk: the answer is not JSON)"),
                result.stopped());
    }

    @Test
    void aHugeAnswerIsNotReadPastTheBoundAndNotCountedShipped() throws IOException {
        Buffer huge = new Buffer();
        byte[] block = new byte[1 << 20];
        java.util.Arrays.fill(block, (byte) ' ');
        for (int i = 0; i <= 64; i++) {
            huge.write(block);
        }
        store.nextBulk(new MockResponse.Builder().code(200).body(huge).build());
        for (int i = 1; i < ATTEMPTS; i++) {
            store.nextBulk(ScriptedStore.json(503, "{\"error\":\"unavailable\"}"));
        }

        ShipResult result = ship();

        assertEquals(0, result.shipped());
        assertTrue(result.stopped().contains("unavailable after 3 attempts (HTTP 503 unavailable)"), result.stopped());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), waits);
    }

    @Test
    void aRequestRefusedWholeStopsShippingAndSaysWhy() throws IOException {
        store.nextBulk(ScriptedStore.json(403, "{\"error\":{\"type\":\"security_exception\",\"reason\":\"no permissions "
                + "for [indices:data/write/bulk]\"},\"status\":403}"));

        ShipResult result = ship();

        assertEquals(0, result.shipped());
        assertTrue(result.stopped().endsWith("POST _bulk: HTTP 403 security_exception: no permissions for "
                + "[indices:data/write/bulk]"), result.stopped());
        assertEquals(List.of(), waits);
    }

    @Test
    void aServerQuotingTheCredentialsHasThemRedacted() throws IOException {
        store.nextBulk(ScriptedStore.json(200, ScriptedStore.items(ids, java.util.Arrays.asList(null, null,
                "400 illegal_argument_exception user s3cret-pass is not allowed"))));

        ship(Environment.of(Map.of(SearchCredentials.USER, "shipper", SearchCredentials.PASSWORD, "s3cret-pass")));

        assertTrue(err.toString().contains("user <redacted> is not allowed"), err.toString());
        assertTrue(!err.toString().contains("s3cret"), err.toString());
    }

    @Test
    void documentsAreNumberedByTheirLineInThePublishedLedgerNotInTheRawFile() throws IOException {
        // A blank line and a line of a type the reader passes over, both left out by 'package'.
        List<String> lines = new ArrayList<>(Files.readAllLines(ledger));
        lines.add(1, "");
        lines.add(2, "{\"type\":\"gpu\",\"util\":0.5}");
        Files.write(ledger, lines);
        store.nextBulk(ScriptedStore.json(200, ScriptedStore.items(ids, java.util.Arrays.asList(null, null,
                "400 mapper_parsing_exception bad field"))));

        ShipResult result = ship();

        assertEquals(List.of(ids), store.bulkIds());
        assertEquals(List.of(1, 2, 3), store.bulkLines().get(0));
        assertEquals(2, result.shipped());
        // Messages still name the file's own line.
        assertTrue(err.toString().contains(ledger + ":5: 400 mapper_parsing_exception: bad field"), err.toString());
    }

    @Test
    void linesAppendedAfterTheLeakGateReadTheLedgerAreNotShipped() throws IOException {
        Shipper shipper = shipper(Environment.of(Map.of()));
        assertEquals(List.of(), shipper.gate(List.of(ledger)));
        shipper.prepare(false);
        // The run is still running: a line lands between the gate's read and the send, never checked.
        String unchecked = new String(Fixtures.bytes(Fixtures.SMALL_RUN)).lines().skip(3).findFirst().orElseThrow();
        Files.writeString(ledger, unchecked + "\n", java.nio.file.StandardOpenOption.APPEND);

        ShipResult result = shipper.ship(ledger);

        assertEquals(List.of(ids), store.bulkIds());
        assertEquals(3, result.shipped());
        assertTrue(!result.complete());
        assertTrue(err.toString().contains("warning: " + ledger + ": the ledger has grown since the leak gate read it "
                + "(a run still running?): nothing after line 3, the last one checked, was shipped"), err.toString());
    }

    @Test
    void aStoreDownForEveryAttemptStopsTheLedgerInsteadOfTryingEachBatch() throws IOException {
        for (int i = 0; i < ATTEMPTS; i++) {
            store.nextBulk(ScriptedStore.json(503, "{\"error\":\"unavailable\"}"));
        }
        Shipper shipper = shipper(Environment.of(Map.of()), 1);
        shipper.gate(List.of(ledger));
        shipper.prepare(false);

        ShipResult result = shipper.ship(ledger);

        // The first batch (one document) failed every attempt; the two after it were never sent.
        assertEquals(ATTEMPTS, store.bulkIds().size());
        assertEquals(0, result.shipped());
        assertTrue(!result.complete());
        assertTrue(result.summary().endsWith("stopped: " + server.url("/") + ": the store is unavailable after 3 "
                + "attempts (HTTP 503 unavailable): nothing from line 1 of " + ledger + " on was shipped (a rerun "
                + "ships the rest)"), result.summary());
    }

    @Test
    void aBulkAnswerOverFourKibPerDocumentIsNotReadNorCountedShipped() throws IOException {
        // The right items, padded far past what three documents' results take.
        String padded = ScriptedStore.items(ids, null).replace("\"took\":3", "\"took\":\"" + "x".repeat(200_000) + "\"");
        for (int i = 0; i < ATTEMPTS; i++) {
            store.nextBulk(ScriptedStore.json(200, padded));
        }

        ShipResult result = ship();

        assertEquals(0, result.shipped());
        assertTrue(result.stopped().contains("unavailable after 3 attempts (POST _bulk: TooLargeException: body over "
                + "65536 bytes)"), result.stopped());
    }

    @Test
    void aBulkAnswerWithMoreItemsThanSentIsReadNoFurtherThanTheDocumentsSent() throws IOException {
        String many = ScriptedStore.items(ids, null).replace("]}", ",{}".repeat(15_000) + "]}");
        for (int i = 0; i < ATTEMPTS; i++) {
            store.nextBulk(ScriptedStore.json(200, many));
        }

        ShipResult result = ship();

        assertEquals(0, result.shipped());
        assertTrue(result.stopped().contains("(POST _bulk: the answer holds more item results than the 3 documents "
                + "sent)"), result.stopped());
    }

    @Test
    void aRunIdWithControlCharactersIsRefusedBeforeAnythingIsSentAndNotRepeated() throws IOException {
        // An OSC sequence: on a terminal it would set the window title, or worse.
        Files.writeString(ledger, Files.readString(ledger).replace("5f1c2e9a-7b3d-4c1e-9a2f-000000000001",
                "r\\u001b]0;owned\\u0007"));
        Shipper shipper = shipper(Environment.of(Map.of()));

        org.inferbench.export.read.InputFormatException refused = org.junit.jupiter.api.Assertions.assertThrows(
                org.inferbench.export.read.InputFormatException.class, () -> shipper.gate(List.of(ledger)));

        assertTrue(refused.getMessage().startsWith(ledger + ":1: the meta record's benchmark_run_id holds control "
                + "characters"), refused.getMessage());
        assertTrue(!refused.getMessage().contains("\u001b") && !refused.getMessage().contains("owned"),
                refused.getMessage());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aPassedOverLinesTypeReachesTheConsoleWithoutItsControlCharacters() throws IOException {
        Files.writeString(ledger, "{\"type\":\"gpu\\u001b[2J\"}\n", java.nio.file.StandardOpenOption.APPEND);

        ship();

        assertTrue(err.toString().contains("unknown type 'gpu?[2J'"), err.toString());
        assertTrue(!err.toString().contains("\u001b"), err.toString());
    }

    private ShipResult ship() throws IOException {
        return ship(Environment.of(Map.of()));
    }

    private ShipResult ship(Environment environment) throws IOException {
        Shipper shipper = shipper(environment);
        shipper.gate(List.of(ledger));
        shipper.prepare(false);
        return shipper.ship(ledger);
    }

    private Shipper shipper(Environment environment) throws IOException {
        return shipper(environment, 1000);
    }

    private Shipper shipper(Environment environment, int batchDocuments) throws IOException {
        SearchClient client = SearchClient.connect(SearchEndpoint.of("--to", server.url("/").toString(), environment),
                Optional.empty());
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60));
        BulkSender sender = new BulkSender(client, waits::add, backoff, ATTEMPTS);
        Shipper shipper = new Shipper(client, new IndexPrefix("weeyuga-benchmarks"), LeakScanner.builtIn(), sender,
                batchDocuments,
                5 << 20, new PrintWriter(err, true));
        return shipper;
    }
}
