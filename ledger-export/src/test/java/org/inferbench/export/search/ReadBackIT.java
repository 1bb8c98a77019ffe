package org.inferbench.export.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.inferbench.export.cli.CommandRun;
import org.inferbench.export.cli.ExitCodes;
import org.inferbench.record.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 12: the store is a second home for the data, not a copy nobody reads. A run shipped to a real
 * OpenSearch node and read back ({@code aggregate --from URL --run ID}) gives the markdown its ledger gives,
 * byte for byte; {@code compare} reads either side from the store the same way.
 */
@ExtendWith(SearchNode.class)
class ReadBackIT {

    @TempDir
    Path dir;

    /**
     * A v1 ledger of the team's first harness, a load run with level lines, a run with sample lines and the
     * engines' own timings, and today's sequential run. What is shipped is the run as published (sanitized as
     * {@code package} does), so the report read back is byte for byte the report of the published ledger,
     * {@code package}'s {@code run.jsonl}: endpoints, addresses and model paths are rewritten in both.
     */
    @ParameterizedTest
    @ValueSource(strings = {"runs/seed-v1-ledger.jsonl", "runs/load-run.jsonl", "search/served-run.jsonl",
            "runs/small-run.jsonl"})
    void aRunReadBackFromTheStoreAggregatesToTheSameBytesAsItsPublishedLedger(String fixture, SearchNode.Node node)
            throws Exception {
        Path ledger = resource(fixture);
        String prefix = "it-back-" + Path.of(fixture).getFileName().toString().replace(".jsonl", "");
        ship(node, ledger, prefix);

        CommandRun fromFile = CommandRun.of("aggregate", published(ledger).toString());
        CommandRun fromStore = CommandRun.of("aggregate", "--from", node.url(), "--run", runId(ledger),
                "--index-prefix", prefix);

        assertEquals(ExitCodes.OK, fromStore.exitCode(), fromStore.err());
        assertEquals(fromFile.out(), fromStore.out());
        assertTrue(fromStore.out().length() > 500, fromStore.out());
    }

    /**
     * A ledger whose report holds nothing sanitizing rewrites (the v1 seed: no model path, no address): the
     * same bytes as from the ledger itself.
     */
    @Test
    void aCleanRunReadBackAggregatesToTheSameBytesAsTheLedgerItself(SearchNode.Node node) throws Exception {
        Path ledger = resource("runs/seed-v1-ledger.jsonl");
        String prefix = "it-clean";
        ship(node, ledger, prefix);

        CommandRun fromFile = CommandRun.of("aggregate", ledger.toString());
        CommandRun fromStore = CommandRun.of("aggregate", "--from", node.url(), "--run", runId(ledger),
                "--index-prefix", prefix);

        assertEquals(ExitCodes.OK, fromStore.exitCode(), fromStore.err());
        assertEquals(fromFile.out(), fromStore.out());
    }

    /**
     * Lines the reader passes over (a type from a newer harness, a last line cut off by a crash) are not
     * shipped, with a warning, as {@code package} leaves them out of the published ledger: the read-back is the
     * published ledger's report. What that loses is said here: the file's report also marks the run
     * "unreliable: the ledger is truncated"; the store's keeps "the run did not finish" only.
     */
    @Test
    void linesPassedOverAreNotShippedAndTheReportStillMatches(SearchNode.Node node) throws Exception {
        Path ledger = resource("runs/seed-v1-ledger.jsonl");
        String text = Files.readString(ledger);
        int second = text.indexOf('\n') + 1;
        Files.writeString(ledger, text.substring(0, second) + "{\"type\":\"gpu\",\"util\":0.5}\n\n"
                + text.substring(second) + "{\"type\":\"call\",\"cell_id\":\"mac:ll");

        CommandRun shipped = CommandRun.of("ship", ledger.toString(), "--to", node.url(), "--index-prefix", "it-passed");
        CommandRun fromFile = CommandRun.of("aggregate", ledger.toString());
        CommandRun fromPublished = CommandRun.of("aggregate", published(ledger).toString());
        CommandRun fromStore = CommandRun.of("aggregate", "--from", node.url(), "--run", runId(ledger),
                "--index-prefix", "it-passed");

        assertEquals(ExitCodes.OK, shipped.exitCode(), shipped.err());
        assertTrue(shipped.err().contains(ledger + ":2: unknown type 'gpu'; line ignored (not shipped)"), shipped.err());
        assertTrue(shipped.err().contains(ledger + ":8: line is truncated"), shipped.err());
        assertEquals(fromPublished.out(), fromStore.out());
        String truncated = "\nunreliable: the ledger is truncated (line 8 was cut off)\n";
        assertEquals(fromFile.out().replace(truncated, ""), fromStore.out());
        assertTrue(fromStore.out().startsWith("unreliable: the run did not finish"), fromStore.out());
        assertEquals(5, new StoreProbe(node.url()).count("it-passed", runId(ledger)));
    }

    /**
     * The comparison is the same but for the names of its inputs in the header, which say where each run was
     * read from ({@code run:<ID>} for the store).
     */
    @Test
    void compareReadsEitherSideFromTheStore(SearchNode.Node node) throws Exception {
        Path baseline = resource("runs/small-run.jsonl");
        Path current = resource("runs/small-run-current.jsonl");
        ship(node, baseline, "it-compare");
        ship(node, current, "it-compare");
        String baselineRun = "run:" + runId(baseline);
        String currentRun = "run:" + runId(current);

        CommandRun files = CommandRun.of("compare", baseline.toString(), current.toString());
        CommandRun stored = CommandRun.of("compare", "--from", node.url(), "--index-prefix", "it-compare", baselineRun,
                currentRun);
        CommandRun mixed = CommandRun.of("compare", "--from", node.url(), "--index-prefix", "it-compare", baselineRun,
                current.toString());

        assertEquals(ExitCodes.OK, stored.exitCode(), stored.err());
        assertEquals(files.out().replace(baseline.toString(), baselineRun).replace(current.toString(), currentRun),
                stored.out());
        assertEquals(files.out().replace(baseline.toString(), baselineRun), mixed.out());
    }

    @Test
    void aRunTheStoreDoesNotHoldIsAnErrorAsAMissingFileIs(SearchNode.Node node) {
        CommandRun run = CommandRun.of("aggregate", "--from", node.url(), "--run", "00000000-0000-4000-8000-000000000000",
                "--index-prefix", "it-nothing");

        assertEquals(ExitCodes.USAGE, run.exitCode(), run.out());
        assertEquals("ledger-export aggregate: " + node.url() + "/it-nothing-2*: run 00000000-0000-4000-8000-000000000000: "
                + "no such run (no document with metadata.benchmark_run_id 00000000-0000-4000-8000-000000000000; "
                + "shipped with another --index-prefix?)", run.err().strip());
    }

    /**
     * Two prefixes, one the other's start plus a dash: their templates do not overlap (the store refuses
     * overlapping templates of one priority), and each read-back reads its own indices only, though both
     * hold the same run.
     */
    @Test
    void aPrefixAndAnotherStartingWithItAndADashCoexistAndReadBackApart(SearchNode.Node node) throws Exception {
        Path ledger = resource("runs/small-run.jsonl");
        ship(node, ledger, "it-overlap");
        ship(node, ledger, "it-overlap-staging");

        CommandRun fromFile = CommandRun.of("aggregate", published(ledger).toString());
        CommandRun fromStore = CommandRun.of("aggregate", "--from", node.url(), "--run", runId(ledger),
                "--index-prefix", "it-overlap");

        assertEquals(ExitCodes.OK, fromStore.exitCode(), fromStore.err());
        assertEquals(fromFile.out(), fromStore.out());
    }

    /**
     * The review's repro: a raw ledger with a blank line and a line of an unknown type after its meta line,
     * then its published copy, shipped under one prefix: the same 27 documents, not 29, and the read-back is
     * the published ledger's report.
     */
    @Test
    void aRawLedgerAndItsPublishedCopyShipTheSameDocuments(SearchNode.Node node) throws Exception {
        Path ledger = resource("runs/small-run.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(ledger));
        lines.add(1, "{\"type\":\"gpu\",\"util\":0.5}");
        lines.add(1, "");
        Files.write(ledger, lines);
        Path published = published(ledger);
        CommandRun raw = CommandRun.of("ship", ledger.toString(), "--to", node.url(), "--index-prefix", "it-raw");
        assertEquals(ExitCodes.OK, raw.exitCode(), raw.err());
        ship(node, published, "it-raw");

        assertEquals(27, new StoreProbe(node.url()).count("it-raw", runId(ledger)));
        CommandRun fromFile = CommandRun.of("aggregate", published.toString());
        CommandRun fromStore = CommandRun.of("aggregate", "--from", node.url(), "--run", runId(ledger),
                "--index-prefix", "it-raw");
        assertEquals(ExitCodes.OK, fromStore.exitCode(), fromStore.err());
        assertEquals(fromFile.out(), fromStore.out());
    }

    /** A document the store rejected at ship: the read-back refuses the partial run, naming the line. */
    @Test
    void aRunMissingADocumentIsRefusedNotReportedAsWhole(SearchNode.Node node) throws Exception {
        Path ledger = resource("runs/small-run.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(ledger));
        lines.set(4, lines.get(4).replace("\"error\":null}", "\"error\":null,\"started_at_utc\":\"yesterday\"}"));
        Files.write(ledger, lines);
        CommandRun shipped = CommandRun.of("ship", ledger.toString(), "--to", node.url(), "--index-prefix", "it-partial");
        assertEquals(ExitCodes.NOT_SHIPPED, shipped.exitCode(), shipped.out());

        CommandRun fromStore = CommandRun.of("aggregate", "--from", node.url(), "--run", runId(ledger),
                "--index-prefix", "it-partial");

        assertEquals(ExitCodes.USAGE, fromStore.exitCode(), fromStore.out());
        assertTrue(fromStore.err().contains("the store does not hold line 5 of the run"), fromStore.err());
        assertEquals("", fromStore.out());
    }

    /** The ledger as {@code package} publishes it: {@code runs/<id>/run.jsonl} of an archive. */
    private Path published(Path ledger) throws IOException {
        Path archive = dir.resolve("archive-" + ledger.getFileName());
        CommandRun packaged = CommandRun.of("package", ledger.toString(), "--out", archive.toString());
        assertEquals(ExitCodes.OK, packaged.exitCode(), packaged.err());
        return archive.resolve("runs").resolve(runId(ledger)).resolve("run.jsonl");
    }

    private static void ship(SearchNode.Node node, Path ledger, String prefix) {
        CommandRun shipped = CommandRun.of("ship", ledger.toString(), "--to", node.url(), "--index-prefix", prefix);
        // No refresh here: ship refreshes the run's index before it returns, so a read-back right after sees it all.
        assertEquals(ExitCodes.OK, shipped.exitCode(), shipped.err());
    }

    private Path resource(String name) throws IOException {
        Path file = dir.resolve(Path.of(name).getFileName());
        try (InputStream in = ReadBackIT.class.getResourceAsStream("/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }

    private static String runId(Path ledger) throws IOException {
        return Json.mapper().readTree(Files.readAllLines(ledger).get(0)).path("benchmark_run_id").asText();
    }
}
