package org.inferbench.export.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import org.inferbench.bench.preflight.ExitCode;
import org.inferbench.export.cli.CommandRun;
import org.inferbench.export.cli.ExitCodes;
import org.inferbench.ledger.Ledger;
import org.inferbench.ledger.LedgerReader;
import org.inferbench.record.CallRecord;
import org.inferbench.record.CellFacts;
import org.inferbench.record.SkippedRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6, "Secrets": a bearer token from {@code api_key_env} and a {@code user:password@} in an
 * endpoint are sent to the engine, and appear nowhere the harness writes: not in the ledger, the
 * log, the console, the results file, the packaged archive, nor in the error texts of refused calls
 * and unreachable endpoints, where exception messages and echoing servers would put them.
 *
 * <p>One run of the jar, before the tests, against {@link ScriptedEngine} (one server, a path prefix
 * per cell), with these cells:
 * <ul>
 *   <li>{@code bearer}: the token ({@code api_key_env}), plain endpoint;</li>
 *   <li>{@code basic}: {@code user:pa55word@} in the endpoint, no token: sent as Basic auth;</li>
 *   <li>{@code both}: both; the token wins, the user info is still never recorded;</li>
 *   <li>{@code rejectbearer}, {@code rejectbasic}: as {@code bearer} and {@code basic}, but the calls
 *       are answered 401 with the {@code Authorization} header quoted in the message;</li>
 *   <li>{@code down}: user info, a port nobody listens on (the health check's exception);</li>
 *   <li>{@code badport}: user info, port 0, which the configuration accepts and OkHttp does not.</li>
 * </ul>
 */
class SecretsIT {

    private static final String TOKEN_VARIABLE = "TEST_API_KEY";
    private static final String TOKEN = "sk-test-SECRETVALUE1234567890";
    private static final String USER_INFO = "user:pa55word";
    private static final String BASIC = Base64.getEncoder().encodeToString(USER_INFO.getBytes(StandardCharsets.UTF_8));

    /** What must not be written anywhere: the secrets, and the telling parts of them. */
    private static final List<String> SECRETS = List.of(TOKEN, "SECRETVALUE", USER_INFO, "pa55word", BASIC);

    private static final String PROMPT = "P-IT-SECRET";

    @TempDir
    static Path dir;

    private static MockWebServer server;
    private static ScriptedEngine engine;
    private static BenchmarksJar.Finished run;
    private static Path ledgerFile;
    private static Path results;

    @BeforeAll
    static void runTheJarWithSecrets() throws Exception {
        server = new MockWebServer();
        engine = new ScriptedEngine();
        server.setDispatcher(engine);
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        String local = "127.0.0.1:" + server.getPort();
        String withUser = USER_INFO + "@" + local;
        Path cells = Files.writeString(dir.resolve("cells.yaml"), "cells:\n"
                + cell("bearer", "http://" + local + "/bearer", true)
                + cell("basic", "http://" + withUser + "/basic", false)
                + cell("both", "http://" + withUser + "/both", true)
                + cell("rejectbearer", "http://" + local + ScriptedEngine.REJECTING + "bearer", true)
                + cell("rejectbasic", "http://" + withUser + ScriptedEngine.REJECTING + "basic", false)
                + cell("down", "http://" + USER_INFO + "@127.0.0.1:" + closedPort(), false)
                + cell("badport", "http://" + USER_INFO + "@127.0.0.1:0", true));
        Path prompts = BenchmarksJar.promptsWith(dir, PROMPT
                + ":\n  intent: integration test, secrets\n  prompt: |\n    hi\n  max_tokens: 8\n");
        results = dir.resolve("results.json");
        Path ledgerDir = dir.resolve("runs");

        run = new BenchmarksJar(dir, cells, prompts).environment(TOKEN_VARIABLE, TOKEN)
                .run(ledgerDir, "MatrixBenchmark", "-p", "prompt=" + PROMPT, "-i", "1", "-rf", "json", "-rff",
                        results.toString());
        ledgerFile = BenchmarksJar.onlyLedger(ledgerDir);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theRunFinishedWithACallRecordForEveryReachableCellAndASkipForTheOthers() throws IOException {
        assertEquals(ExitCode.OK.code(), run.exit(), run.console());
        Ledger ledger = LedgerReader.read(ledgerFile);
        Map<String, Long> calls = ledger.calls().stream()
                .collect(Collectors.groupingBy(c -> node(c.cellId()), Collectors.counting()));
        assertEquals(Map.of("bearer", 2L, "basic", 2L, "both", 2L, "rejectbearer", 2L, "rejectbasic", 2L), calls);
        assertEquals(List.of("down", "badport"), ledger.skipped().stream().map(s -> node(s.cellId())).toList());
    }

    @Test
    void theTokenAndTheUserInfoReachTheEngineAsAuthorizationHeaders() {
        assertAuthorization("/bearer", "Bearer " + TOKEN);
        assertAuthorization("/basic", "Basic " + BASIC);
        assertAuthorization("/both", "Bearer " + TOKEN);
        assertAuthorization(ScriptedEngine.REJECTING + "bearer", "Bearer " + TOKEN);
        assertAuthorization(ScriptedEngine.REJECTING + "basic", "Basic " + BASIC);
        // So do the health check's requests for the engine's facts: a gateway may guard every route.
        List<ScriptedEngine.Seen> facts = Stream.concat(engine.seen("/bearer", "/props").stream(),
                engine.seen("/basic", "/props").stream()).toList();
        assertEquals(List.of("Bearer " + TOKEN, "Basic " + BASIC),
                facts.stream().map(ScriptedEngine.Seen::authorization).toList());
    }

    @Test
    void noSecretInTheLedgerTheLogTheConsoleOrTheResultsFile() throws IOException {
        assertNoSecret("the ledger", Files.readString(ledgerFile));
        assertNoSecret("the log", Files.readString(BenchmarksJar.logOf(ledgerFile)));
        assertNoSecret("standard output", run.stdout());
        assertNoSecret("standard error", run.stderr());
        assertNoSecret("the results file", Files.readString(results));
    }

    @Test
    void aRefusedCallRecordsTheServersMessageWithTheEchoedCredentialsRedacted() throws IOException {
        List<CallRecord> refused = LedgerReader.read(ledgerFile).calls().stream()
                .filter(c -> node(c.cellId()).startsWith("reject")).toList();

        assertEquals(4, refused.size());
        for (CallRecord call : refused) {
            assertEquals(Integer.valueOf(401), call.httpStatus(), call.toString());
            String expected = call.cellId().startsWith("rejectbearer")
                    ? "HTTP 401: Invalid credentials in request: Authorization: Bearer <redacted>"
                    : "HTTP 401: Invalid credentials in request: Authorization: Basic <redacted>";
            assertEquals(expected, call.error());
        }
    }

    @Test
    void anUnusableEndpointWithUserInfoIsSkippedForAReasonThatOmitsIt() throws IOException {
        Ledger ledger = LedgerReader.read(ledgerFile);
        Map<String, String> reasons = ledger.skipped().stream()
                .collect(Collectors.toMap(s -> node(s.cellId()), SkippedRecord::reason));

        assertTrue(reasons.get("down").startsWith("GET /health: ConnectException: Failed to connect to "),
                reasons.toString());
        assertEquals("not a URL: http://127.0.0.1:0", reasons.get("badport"));
        for (CellFacts cell : ledger.meta().cells()) {
            assertFalse(cell.endpoint().contains("@"), cell.endpoint());
        }
    }

    @Test
    void thePackagedRunHoldsNoSecretAndScrubFindsTheArchiveClean() throws IOException {
        Path archive = dir.resolve("archive");

        CommandRun pack = CommandRun.of("package", ledgerFile.toString(), "--out", archive.toString());

        assertEquals(ExitCodes.OK, pack.exitCode(), pack.out() + pack.err());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(archive)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        assertEquals(List.of("metadata.json", "run.jsonl", "run.log", "run.md"),
                files.stream().map(f -> f.getFileName().toString()).sorted().toList());
        for (Path file : files) {
            assertNoSecret(archive.relativize(file).toString(), Files.readString(file));
        }
        CommandRun scrub = CommandRun.of("scrub", archive.toString());
        assertEquals(new CommandRun(ExitCodes.OK, "", ""), scrub);
    }

    private static void assertAuthorization(String prefix, String expected) {
        List<ScriptedEngine.Seen> chats = engine.seen(prefix, "/v1/chat/completions");
        assertEquals(2, chats.size(), prefix + ": " + engine.seen());
        chats.forEach(chat -> assertEquals(expected, chat.authorization(), chat.path()));
    }

    private static void assertNoSecret(String where, String text) {
        for (String secret : SECRETS) {
            int at = text.indexOf(secret);
            assertEquals(-1, at, () -> where + " holds the secret '" + secret + "': ..."
                    + text.substring(Math.max(0, at - 120), Math.min(text.length(), at + secret.length() + 40)) + "...");
        }
    }

    private static String cell(String node, String endpoint, boolean token) {
        return "  - id: " + node + ":llamacpp:tiny\n    endpoint: " + endpoint + "\n"
                + (token ? "    api_key_env: " + TOKEN_VARIABLE + "\n" : "");
    }

    private static String node(String cellId) {
        return cellId.substring(0, cellId.indexOf(':'));
    }

    /** A loopback port nobody listens on: bound, then released. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
