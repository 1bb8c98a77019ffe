package org.inferbench.export.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockWebServer;
import org.inferbench.config.Environment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The read-back does not trust the store to end its loop or to answer what was asked: a page served again,
 * more documents than counted, another run's document, fewer than counted, each end it with one line.
 */
class StoredRunTest {

    private static final String RUN = "r1";

    private final MockWebServer server = new MockWebServer();
    private SearchClient client;

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        client = SearchClient.connect(SearchEndpoint.of("--from", server.url("/").toString(), Environment.of(Map.of())),
                Optional.empty());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void pagesBecomeTheLedgerLinesWithoutWhatShippingAdded() throws IOException {
        server.enqueue(ScriptedStore.json(200, page(3, hit(1, RUN, "{\"type\":\"meta\",\"benchmark_run_id\":\"r1\"}"),
                hit(2, RUN, "{\"type\":\"call\"}"))));
        server.enqueue(ScriptedStore.json(200, page(3, hit(3, RUN, "{\"type\":\"level\"}"))));

        String lines = read(StoredRun.open(client, new IndexPrefix("p"), RUN, 2));

        assertEquals("{\"type\":\"meta\",\"benchmark_run_id\":\"r1\"}\n{\"type\":\"call\"}\n{\"type\":\"level\"}\n", lines);
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void aPageServedAgainEndsTheRead() throws IOException {
        server.enqueue(ScriptedStore.json(200, page(4, hit(1, RUN, "{}"), hit(2, RUN, "{}"))));
        server.enqueue(ScriptedStore.json(200, page(4, hit(1, RUN, "{}"), hit(2, RUN, "{}"))));

        SearchException refused = assertThrows(SearchException.class,
                () -> read(StoredRun.open(client, new IndexPrefix("p"), RUN, 2)));

        assertTrue(refused.getMessage().contains("document 'r1:1' is not the next line of the run"), refused.getMessage());
    }

    @Test
    void moreDocumentsThanCountedEndTheRead() throws IOException {
        server.enqueue(ScriptedStore.json(200, page(1, hit(1, RUN, "{}"), hit(2, RUN, "{}"))));

        SearchException refused = assertThrows(SearchException.class,
                () -> read(StoredRun.open(client, new IndexPrefix("p"), RUN, 2)));

        assertTrue(refused.getMessage().endsWith("run r1: the store returned more documents than the 1 it counted"),
                refused.getMessage());
    }

    @Test
    void anotherRunsDocumentEndsTheRead() throws IOException {
        server.enqueue(ScriptedStore.json(200, page(2, hit(1, RUN, "{}"), hit(2, "r2", "{}"))));

        assertThrows(SearchException.class, () -> read(StoredRun.open(client, new IndexPrefix("p"), RUN, 2)));
    }

    @Test
    void fewerDocumentsThanCountedEndTheRead() throws IOException {
        server.enqueue(ScriptedStore.json(200, page(5, hit(1, RUN, "{}"))));
        server.enqueue(ScriptedStore.json(200, page(5)));

        SearchException refused = assertThrows(SearchException.class,
                () -> read(StoredRun.open(client, new IndexPrefix("p"), RUN, 1)));

        assertTrue(refused.getMessage().endsWith("run r1: the store returned 1 of its 5 documents, then no more"),
                refused.getMessage());
    }

    @Test
    void aLineTheStoreDoesNotHoldIsAPartialRunAndRefused() throws IOException {
        // Line 3 was rejected when shipped: the store holds 1, 2, 4, 5.
        server.enqueue(ScriptedStore.json(200, page(4, hit(1, RUN, "{}"), hit(2, RUN, "{}"))));
        server.enqueue(ScriptedStore.json(200, page(4, hit(4, RUN, "{}"), hit(5, RUN, "{}"))));

        SearchException refused = assertThrows(SearchException.class,
                () -> read(StoredRun.open(client, new IndexPrefix("p"), RUN, 2)));

        assertTrue(refused.getMessage().contains("run r1: the store does not hold line 3 of the run"),
                refused.getMessage());
    }

    @Test
    void aMissingFirstLineIsRefused() throws IOException {
        server.enqueue(ScriptedStore.json(200, page(2, hit(3, RUN, "{}"), hit(4, RUN, "{}"))));

        SearchException refused = assertThrows(SearchException.class,
                () -> read(StoredRun.open(client, new IndexPrefix("p"), RUN, 2)));

        assertTrue(refused.getMessage().contains("does not hold lines 1 to 2 of the run"), refused.getMessage());
    }

    @Test
    void aCountBeyondTheLinesALedgerMayHaveIsRefusedAtOnce() throws IOException {
        server.enqueue(ScriptedStore.json(200, page(1_000_000_000_000_000L, hit(1, RUN, "{}"))));

        SearchException refused = assertThrows(SearchException.class,
                () -> read(StoredRun.open(client, new IndexPrefix("p"), RUN, 1)));

        assertTrue(refused.getMessage().endsWith("run r1: the store counts 1000000000000000 documents, more than the "
                + "10000000 lines a ledger may have"), refused.getMessage());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void aPageWithMoreDocumentsThanAskedForIsRefused() throws IOException {
        server.enqueue(ScriptedStore.json(200, page(3, hit(1, RUN, "{}"), hit(2, RUN, "{}"), hit(3, RUN, "{}"))));

        SearchException refused = assertThrows(SearchException.class,
                () -> read(StoredRun.open(client, new IndexPrefix("p"), RUN, 2)));

        assertTrue(refused.getMessage().endsWith("run r1: the store returned more than the 2 documents a page asks for"),
                refused.getMessage());
    }

    @Test
    void aMetaRecordOfAnotherRunIsRefusedThoughItsTagIsThisRuns() throws IOException {
        server.enqueue(ScriptedStore.json(200, page(1, hit(1, RUN, "{\"type\":\"meta\",\"benchmark_run_id\":\"r2\"}"))));

        SearchException refused = assertThrows(SearchException.class,
                () -> read(StoredRun.open(client, new IndexPrefix("p"), RUN, 2)));

        assertTrue(refused.getMessage().endsWith("run r1: document 'r1:1' is a meta record of another run "
                + "(benchmark_run_id 'r2')"), refused.getMessage());
    }

    @Test
    void aDocumentWhoseIdIsNotTheRunAndLineIsRefused() throws IOException {
        server.enqueue(ScriptedStore.json(200, page(1, hit(1, RUN, "{}").replace("\"_id\":\"r1:1\"", "\"_id\":\"x:7\""))));

        SearchException refused = assertThrows(SearchException.class,
                () -> read(StoredRun.open(client, new IndexPrefix("p"), RUN, 2)));

        assertTrue(refused.getMessage().endsWith("run r1: document 'x:7' holds line 1 but its _id is not r1:1 (not "
                + "written by ship)"), refused.getMessage());
    }

    private static String page(long total, String... hits) {
        return "{\"hits\":{\"total\":{\"value\":" + total + ",\"relation\":\"eq\"},\"hits\":[" + String.join(",", hits) + "]}}";
    }

    private static String hit(int line, String run, String source) {
        String tagged = source.substring(0, source.length() - 1) + (source.length() > 2 ? "," : "")
                + "\"ledger_line\":" + line + ",\"metadata\":{\"test\":true,\"benchmark_run_id\":\"" + run + "\"}}";
        return "{\"_id\":\"" + run + ":" + line + "\",\"_source\":" + tagged + ",\"sort\":[" + line + "]}";
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
