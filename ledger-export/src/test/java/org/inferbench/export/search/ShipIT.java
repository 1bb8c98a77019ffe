package org.inferbench.export.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.inferbench.export.cli.CommandRun;
import org.inferbench.export.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 on a real OpenSearch node in this JVM: {@code ship} as a user types it, then the store asked
 * directly what it holds. Each test ships under its own index prefix, so none sees another's documents.
 */
@ExtendWith(SearchNode.class)
class ShipIT {

    private static final String SMALL_RUN_ID = "5f1c2e9a-7b3d-4c1e-9a2f-000000000001";

    @TempDir
    Path dir;

    @Test
    void aLedgerBecomesOneDocumentPerLineAndShippingAgainLeavesTheSameDocuments(SearchNode.Node node) throws Exception {
        Path ledger = resource("runs/small-run.jsonl");
        String runId = runId(ledger);
        StoreProbe store = new StoreProbe(node.url());

        CommandRun first = CommandRun.of("ship", ledger.toString(), "--to", node.url(), "--index-prefix", "it-twice");

        assertEquals(ExitCodes.OK, first.exitCode(), first.err());
        assertEquals(List.of(node.url() + "/: opensearch, index template 'it-twice' installed",
                ledger + ": run " + runId + ": 27 documents shipped to it-twice-2026.11"), first.outLines());
        assertEquals(27, store.count("it-twice", runId));
        JsonNode call = store.document("it-twice-2026.11", runId + ":2").path("_source");
        assertEquals("call", call.path("type").asText());
        assertEquals(2, call.path("ledger_line").asInt());
        assertEquals("{\"test\":true,\"benchmark_run_id\":\"" + runId + "\",\"benchmark_cell_id\":\"pavilion:llamacpp:"
                + "qwen3.5:0.8b\",\"benchmark_prompt_id\":\"P-EASY\",\"benchmark_phase\":\"cold\",\"benchmark_run_idx\":0,"
                + "\"harness_version\":\"0.1.0\"}", call.path("metadata").toString());
        JsonNode meta = store.document("it-twice-2026.11", runId + ":1").path("_source");
        assertFalse(meta.path("metadata").has("benchmark_cell_id"), meta.toString());

        CommandRun second = CommandRun.of("ship", ledger.toString(), "--to", node.url(), "--index-prefix", "it-twice");

        assertEquals(ExitCodes.OK, second.exitCode(), second.err());
        assertEquals(node.url() + "/: opensearch, index template 'it-twice' already installed", second.outLines().get(0));
        assertEquals(27, store.count("it-twice", runId));
        assertEquals(call, store.document("it-twice-2026.11", runId + ":2").path("_source"));
    }

    @Test
    void theTemplateMapsNumbersAsNumbersIdsAsKeywordsTimesAsDatesAndMetadataFlat(SearchNode.Node node) throws Exception {
        Path ledger = resource("search/served-run.jsonl");
        StoreProbe store = new StoreProbe(node.url());

        CommandRun run = CommandRun.of("ship", ledger.toString(), "--to", node.url(), "--index-prefix", "it-mapping");

        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        JsonNode properties = store.send("GET", "it-mapping-2026.11/_mapping", null)
                .path("it-mapping-2026.11").path("mappings").path("properties");
        assertEquals("long", type(properties, "first_delta_ms"));
        assertEquals("double", type(properties, "tokens_per_sec"));
        assertEquals("keyword", type(properties, "cell_id"));
        assertEquals("keyword", type(properties, "phase"));
        assertEquals("date", type(properties, "started_at_utc"));
        assertEquals("date", type(properties, "at_utc"));
        assertEquals("flat_object", type(properties, "metadata"));
        assertEquals("flat_object", type(properties, "values"));
        // The engine's timings, numbers as they come, all double: 12 and 12.5 in one field stay comparable.
        JsonNode timings = properties.path("server_timings").path("properties");
        assertEquals("double", type(timings, "prompt_ms"), timings.toString());
        assertEquals("double", type(timings, "eval_count"), timings.toString());
        // dynamic: false: a field the template does not name is kept in _source, not mapped.
        assertFalse(properties.has("cells"), properties.toString());
        store.send("POST", "it-mapping-*/_refresh", "");
        long flagged = store.send("POST", "it-mapping-*/_count",
                "{\"query\":{\"term\":{\"metadata.test\":true}}}").path("count").asLong();
        assertEquals(18, flagged);
    }

    @Test
    void aDocumentTheStoreRejectsIsReportedByLineTheRestShippedAndARerunCompletesOnceFixed(SearchNode.Node node)
            throws Exception {
        Path ledger = resource("runs/small-run.jsonl");
        List<String> lines = Files.readAllLines(ledger);
        String good = lines.get(4);
        lines.set(4, good.replace("\"error\":null}", "\"error\":null,\"started_at_utc\":\"yesterday\"}"));
        Files.write(ledger, lines);
        StoreProbe store = new StoreProbe(node.url());

        CommandRun rejected = CommandRun.of("ship", ledger.toString(), "--to", node.url(), "--index-prefix", "it-reject");

        assertEquals(ExitCodes.NOT_SHIPPED, rejected.exitCode(), rejected.out());
        assertTrue(rejected.err().startsWith(ledger + ":5: 400 mapper_parsing_exception: failed to parse field "
                + "[started_at_utc] of type [date]"), rejected.err());
        assertTrue(rejected.out().contains(": 26 documents shipped to it-reject-2026.11, 1 not shipped"), rejected.out());
        assertEquals(26, store.count("it-reject", SMALL_RUN_ID));

        lines.set(4, good);
        Files.write(ledger, lines);
        CommandRun rerun = CommandRun.of("ship", ledger.toString(), "--to", node.url(), "--index-prefix", "it-reject");

        assertEquals(ExitCodes.OK, rerun.exitCode(), rerun.err());
        assertEquals(27, store.count("it-reject", SMALL_RUN_ID));
    }

    @Test
    void anotherTemplateUnderThePrefixIsLeftAloneUnlessReplacingIsAsked(SearchNode.Node node) throws Exception {
        StoreProbe store = new StoreProbe(node.url());
        store.send("PUT", "_index_template/it-foreign", "{\"index_patterns\":[\"it-foreign-*\"],\"priority\":7,"
                + "\"template\":{\"mappings\":{\"properties\":{\"owner\":{\"type\":\"keyword\"}}}}}");
        Path ledger = resource("runs/small-run.jsonl");

        CommandRun refused = CommandRun.of("ship", ledger.toString(), "--to", node.url(), "--index-prefix", "it-foreign");

        assertEquals(ExitCodes.USAGE, refused.exitCode(), refused.out());
        assertTrue(refused.err().contains("index template 'it-foreign' exists with other mappings"), refused.err());
        assertEquals(0, store.count("it-foreign", SMALL_RUN_ID));

        CommandRun replaced = CommandRun.of("ship", ledger.toString(), "--to", node.url(), "--index-prefix", "it-foreign",
                "--replace-template");

        assertEquals(ExitCodes.OK, replaced.exitCode(), replaced.err());
        assertTrue(replaced.out().contains("index template 'it-foreign' replaced"), replaced.out());
        assertEquals(27, store.count("it-foreign", SMALL_RUN_ID));
    }

    @Test
    void aLeakSanitizingCannotFixShipsNothingAndSaysWhere(SearchNode.Node node) throws Exception {
        Path ledger = resource("runs/small-run.jsonl");
        List<String> lines = Files.readAllLines(ledger);
        lines.set(6, lines.get(6).replaceFirst("\"error\":null", "\"error\":\"refused by 198.51.100.99\""));
        Files.write(ledger, lines);

        CommandRun run = CommandRun.of("ship", ledger.toString(), "--to", node.url(), "--index-prefix", "it-leak");

        assertEquals(ExitCodes.LEAKS, run.exitCode(), run.err());
        assertTrue(run.out().startsWith(ledger + ":7: "), run.out());
        assertTrue(run.err().contains("nothing was sent"), run.err());
        assertEquals(404, new StoreProbe(node.url()).send("GET", "_index_template/it-leak", null).path("status").asInt());
    }

    private static String type(JsonNode properties, String field) {
        return properties.path(field).path("type").asText();
    }

    private Path resource(String name) throws IOException {
        Path file = dir.resolve(Path.of(name).getFileName());
        try (InputStream in = ShipIT.class.getResourceAsStream("/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }

    private static String runId(Path ledger) throws IOException {
        String first = Files.readAllLines(ledger).get(0);
        return org.inferbench.record.Json.mapper().readTree(first).path("benchmark_run_id").asText();
    }
}
