package org.inferbench.config;

import static org.inferbench.config.ConfigFiles.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.inferbench.call.StreamApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CellsFileTest {

    private static final Environment NO_VARIABLES = Environment.of(Map.of());
    private static final Function<Path, Cells> LOAD = file -> CellsFile.load(file, NO_VARIABLES);

    @TempDir
    Path dir;

    private Path cells(String text) {
        return ConfigFiles.write(dir, "cells.yaml", text);
    }

    @Test
    void readsEveryKeyOfACell() {
        Cells cells = LOAD.apply(cells("""
                cells:
                  - id: lab:llamacpp:qwen3.5:0.8b
                    endpoint: https://gateway.example/api/
                    enabled: false
                    cold: false
                    gguf_sha256: ABCDEF0123456789abcdef0123456789ABCDEF0123456789abcdef0123456789
                    api_key_env: LAB_TOKEN
                    max_concurrency: 4
                """));
        Cell cell = cells.find("lab:llamacpp:qwen3.5:0.8b").orElseThrow();
        assertEquals(new CellId("lab", Engine.LLAMACPP, "qwen3.5:0.8b"), cell.id());
        assertEquals(Optional.of("https://gateway.example/api"), cell.endpoint());
        assertFalse(cell.enabled());
        assertFalse(cell.cold());
        assertEquals(Optional.of("abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789"), cell.ggufSha256());
        assertEquals(Optional.of("LAB_TOKEN"), cell.apiKeyEnv());
        assertEquals(4, cell.maxConcurrency());
        assertEquals(2, cell.line());
    }

    @Test
    void nullOptionalKeysAreAbsent() {
        Cell cell = LOAD.apply(cells("""
                cells:
                  - id: a:openai:m
                    endpoint: http://127.0.0.1:8000
                    enabled: null
                    cold: ~
                    gguf_sha256: null
                    api_key_env:
                """)).all().get(0);
        assertEquals(true, cell.enabled());
        assertEquals(true, cell.cold());
        assertEquals(1, cell.maxConcurrency(), "load is an opt-in: one call at a time unless the cell says more");
        assertEquals(Optional.empty(), cell.ggufSha256());
        assertEquals(Optional.empty(), cell.apiKeyEnv());
    }

    @Test
    void endpointCredentialsAreKeptForTheCall() {
        Cell cell = LOAD.apply(cells("""
                cells:
                  - id: a:openai:m
                    endpoint: https://user:secret@gateway.example
                """)).all().get(0);
        assertEquals(Optional.of("https://user:secret@gateway.example"), cell.endpoint());
        assertEquals("https://gateway.example", Endpoints.redact(cell.endpoint().orElseThrow()));
    }

    @Test
    void unsetVariableSkipsTheCellEvenWhenItIsDisabled() {
        Cell cell = LOAD.apply(cells("""
                cells:
                  - id: a:ollama:m
                    endpoint: http://${HOST}:${PORT}
                    enabled: false
                """)).all().get(0);
        assertEquals(Optional.empty(), cell.endpoint());
        assertEquals(Optional.of("endpoint variables HOST, PORT are not set"), cell.unsetReason());
        assertFalse(cell.enabled());
    }

    @Test
    void routeIsTheCellsGatewayInterpolatedAndCheckedLikeTheEndpoint() {
        Environment gateway = Environment.of(Map.of("GW_PORT", "18081"));
        Cells cells = CellsFile.load(cells("""
                cells:
                  - id: a:llamacpp:m
                    endpoint: http://127.0.0.1:18080
                    route: http://gw:s3cret@127.0.0.1:${GW_PORT}/route/
                  - id: b:llamacpp:m
                    endpoint: http://127.0.0.1:18080
                    route: http://127.0.0.1:${UNSET_GW_PORT}
                  - id: c:llamacpp:m
                    endpoint: http://127.0.0.1:18080
                """), gateway);
        Cell routed = cells.find("a:llamacpp:m").orElseThrow();
        assertEquals(Optional.of("http://gw:s3cret@127.0.0.1:18081/route"), routed.route());
        assertEquals(Optional.empty(), routed.routeUnsetReason());
        Cell unset = cells.find("b:llamacpp:m").orElseThrow();
        assertEquals(Optional.empty(), unset.route());
        assertEquals(Optional.of("route variable UNSET_GW_PORT is not set"), unset.routeUnsetReason());
        assertEquals(Optional.of("http://127.0.0.1:18080"), unset.endpoint(), "the direct calls do not need the route");
        Cell none = cells.find("c:llamacpp:m").orElseThrow();
        assertEquals(Optional.empty(), none.route());
        assertEquals(Optional.empty(), none.routeUnsetReason());

        String cell = "cells:\n  - id: a:ollama:m\n    endpoint: http://127.0.0.1:1\n";
        assertRefused(cells(cell + "    route: 127.0.0.1:8080\n"), LOAD, 4, "route", "must start with http://");
        assertRefused(cells(cell + "    route: http://127.0.0.1:8080/v1\n"), LOAD, 4, "route", "must not end in /v1");
        ConfigException e = assertRefused(cells(cell + "    route: ftp://me:hunter2@127.0.0.1\n"), LOAD, 4, "route",
                "\"ftp://127.0.0.1\" must start with http://");
        assertFalse(e.getMessage().contains("hunter2"));
    }

    @Test
    void refusesMalformedYamlAtTheLineOfTheProblem() {
        Path file = cells("""
                cells:
                  - id: a:ollama:m
                    endpoint: http://127.0.0.1:1
                   oops: [unclosed
                """);
        ConfigException e = assertRefused(file, LOAD, 4, null, "malformed YAML");
        assertFalse(e.getMessage().contains("\tat "), "no stack trace in the message");
    }

    @Test
    void refusesAnEmptyFile() {
        assertRefused(cells(""), LOAD, 1, null, "the file is empty");
        assertRefused(cells("# only a comment\n\n"), LOAD, 1, null, "the file is empty");
    }

    @Test
    void refusesAFileWithoutTheCellsKey() {
        assertRefused(cells("# cells\ncell:\n  - id: a:ollama:m\n"), LOAD, 2, "cell", "did you mean 'cells'?");
        assertRefused(cells("# nothing here\n{}\n"), LOAD, 2, "cells", "is missing from the cells file");
        assertRefused(cells("cells:\n"), LOAD, 1, "cells", "has no value");
    }

    @Test
    void refusesCellsThatAreNotAList() {
        assertRefused(cells("cells:\n  id: a:ollama:m\n"), LOAD, 2, "cells", "expected a list of cells");
        assertRefused(cells("cells: []\n"), LOAD, 1, "cells", "the list is empty");
        assertRefused(cells("- id: a:ollama:m\n"), LOAD, 1, "cells", "the cells file must be a map");
    }

    @Test
    void refusesACellThatIsNotAMap() {
        assertRefused(cells("cells:\n  - id: a:ollama:m\n    endpoint: http://127.0.0.1:1\n  - a:ollama:n\n"),
                LOAD, 4, "cells", "a cell must be a map of keys to values, found \"a:ollama:n\"");
        assertRefused(cells("cells:\n  - [id, a:ollama:m]\n"), LOAD, 2, "cells", "found a list");
    }

    @Test
    void refusesAnUnknownEngineNamingTheKnownOnes() {
        assertRefused(cells("""
                cells:
                  - id: a:ollama:m
                    endpoint: http://127.0.0.1:1
                  - id: a:vllm:m
                    endpoint: http://127.0.0.1:2
                """), LOAD, 4, "id", "unknown engine 'vllm' in cell id 'a:vllm:m' (known: ollama | llamacpp | openai)");
    }

    @Test
    void refusesAnIdThatIsNotACellId() {
        assertRefused(cells("cells:\n  - id: just-a-model\n    endpoint: http://127.0.0.1:1\n"),
                LOAD, 2, "id", "is not a cell id of the form <node>:<engine>:<model>");
        assertRefused(cells("cells:\n  - id: a:ollama:m,n\n    endpoint: http://127.0.0.1:1\n"),
                LOAD, 2, "id", "may not contain spaces, commas or invisible characters");
        assertRefused(cells("cells:\n  - id: \"a:ollama:m\\x01\"\n    endpoint: http://127.0.0.1:1\n"),
                LOAD, 2, "id", "found \"a:ollama:m\\u0001\"");
        assertRefused(cells("cells:\n  - endpoint: http://127.0.0.1:1\n"), LOAD, 2, "id", "is missing from a cell");
    }

    @Test
    void refusesADuplicateIdNamingTheFirstLine() {
        assertRefused(cells("""
                cells:
                  - id: a:ollama:m
                    endpoint: http://127.0.0.1:1
                  - id: b:ollama:m
                    endpoint: http://127.0.0.1:1
                  - endpoint: http://127.0.0.1:2
                    id: a:ollama:m
                """), LOAD, 7, "id", "cell 'a:ollama:m' is declared twice (first on line 2)");
    }

    @Test
    void refusesAMissingEndpoint() {
        assertRefused(cells("cells:\n  - id: a:ollama:m\n    enabled: true\n"), LOAD, 2, "endpoint", "is missing from a cell");
        assertRefused(cells("cells:\n  - id: a:ollama:m\n    endpoint:\n"), LOAD, 3, "endpoint", "has no value in a cell");
    }

    @Test
    void refusesMalformedEndpoints() {
        Map<String, String> problems = Map.of(
                "127.0.0.1:11434", "must start with http:// or https://",
                "ftp://127.0.0.1:21", "must start with http:// or https://",
                "http://", "is not a URL",
                "http://127.0.0.1:11434/v1", "must not end in /v1",
                "http://127.0.0.1:11434?x=1", "must not have a query",
                "http://bad_host:1", "has no valid host",
                "http://127.0.0.1:99999", "port 99999 is out of range",
                "http://127.0.0.1:1 /x", "is not a URL");
        problems.forEach((endpoint, problem) -> assertRefused(
                cells("cells:\n  - id: a:ollama:m\n\n    endpoint: \"" + endpoint + "\"\n"), LOAD, 4, "endpoint", problem));
    }

    @Test
    void endpointErrorsNeverShowCredentials() {
        ConfigException e = assertRefused(cells("cells:\n  - id: a:ollama:m\n    endpoint: ftp://me:hunter2@127.0.0.1\n"),
                LOAD, 3, "endpoint", "\"ftp://127.0.0.1\" must start with http://");
        assertFalse(e.getMessage().contains("hunter2"));

        Environment secretUrl = Environment.of(Map.of("URL", "gopher://me:hunter2@127.0.0.1"));
        ConfigException substituted = assertRefused(
                cells("cells:\n  - id: a:ollama:m\n    endpoint: ${URL}\n"),
                file -> CellsFile.load(file, secretUrl), 3, "endpoint",
                "\"${URL}\" (\"gopher://127.0.0.1\" once substituted) must start with http://");
        assertFalse(substituted.getMessage().contains("hunter2"));

        Environment keyedUrl = Environment.of(Map.of("GW", "http://u:pw@127.0.0.1:18737/gw?key=SECRETQ"));
        ConfigException keyed = assertRefused(cells("cells:\n  - id: a:ollama:m\n    endpoint: http://127.0.0.1:1\n"
                        + "    route: ${GW}\n"), file -> CellsFile.load(file, keyedUrl), 4, "route",
                "\"${GW}\" (\"http://127.0.0.1:18737/gw?key=<redacted>\" once substituted) must not have a query");
        assertFalse(keyed.getMessage().contains("SECRETQ"));
    }

    @Test
    void refusesAMalformedVariableReference() {
        assertRefused(cells("cells:\n  - id: a:ollama:m\n    endpoint: http://${HOST\n"), LOAD, 3, "endpoint",
                "'${' without a closing '}'");
        assertRefused(cells("cells:\n  - id: a:ollama:m\n    endpoint: \"${1HOST}\"\n"), LOAD, 3, "endpoint",
                "is not a variable reference");
    }

    @Test
    void refusesAnUnknownKeyWithASuggestion() {
        assertRefused(cells("""
                cells:
                  - id: a:ollama:m
                    endpiont: http://127.0.0.1:1
                """), LOAD, 3, "endpiont", "unknown key in a cell; did you mean 'endpoint'?");
        assertRefused(cells("""
                cells:
                  - id: a:ollama:m
                    endpoint: http://127.0.0.1:1
                    colour: blue
                """), LOAD, 4, "colour", "known keys: id, endpoint, enabled, cold, gguf_sha256, api_key_env, max_concurrency, api, route");
        assertRefused(cells("""
                cells:
                  - id: a:ollama:m
                    engine: ollama
                """), LOAD, 3, "engine", "the engine is part of the id");
    }

    @Test
    void refusesAKeyGivenTwice() {
        assertRefused(cells("""
                cells:
                  - id: a:ollama:m
                    endpoint: http://127.0.0.1:1
                    endpoint: http://127.0.0.1:2
                """), LOAD, 4, "endpoint", "appears twice in a cell (first on line 3)");
    }

    @Test
    void refusesWrongTypes() {
        String cell = "cells:\n  - id: a:ollama:m\n    endpoint: http://127.0.0.1:1\n";
        assertRefused(cells(cell + "    enabled: yes please\n"), LOAD, 4, "enabled",
                "expected true or false, found \"yes please\"");
        assertRefused(cells(cell + "    enabled: yes\n"), LOAD, 4, "enabled", "expected true or false");
        assertRefused(cells(cell + "    cold: \"false\"\n"), LOAD, 4, "cold", "found the quoted text \"false\"");
        assertRefused(cells(cell + "    cold: [false]\n"), LOAD, 4, "cold", "found a list");
        assertRefused(cells(cell + "    api_key_env: {name: X}\n"), LOAD, 4, "api_key_env", "expected text, found a map");
        assertRefused(cells("cells:\n  - id: a:ollama:m\n    endpoint: [http://127.0.0.1:1]\n"), LOAD, 3, "endpoint",
                "expected text, found a list");
    }

    @Test
    void refusesAMalformedHashOrVariableName() {
        String cell = "cells:\n  - id: a:llamacpp:m\n    endpoint: http://127.0.0.1:1\n";
        assertRefused(cells(cell + "    gguf_sha256: abc123\n"), LOAD, 4, "gguf_sha256", "expected 64 hexadecimal characters");
        assertRefused(cells(cell + "    gguf_sha256: " + "g".repeat(64) + "\n"), LOAD, 4, "gguf_sha256", "expected 64");
        ConfigException e = assertRefused(cells(cell + "    api_key_env: sk-live-1234\n"), LOAD, 4, "api_key_env",
                "expected the NAME of an environment variable");
        assertFalse(e.getMessage().contains("sk-live-1234"), "a key put there by mistake is not echoed");
    }

    @Test
    void cannotReadAMissingFile() {
        Path missing = dir.resolve("nope.yaml");
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class, () -> LOAD.apply(missing));
        assertEquals(0, e.line());
        assertEquals(missing + ": no such file", e.getMessage());
    }

    @Test
    void maxConcurrencyIsAPositiveWholeNumber() {
        String cell = "cells:\n  - id: a:llamacpp:m\n    endpoint: http://127.0.0.1:1\n";
        assertRefused(cells(cell + "    max_concurrency: 0\n"), LOAD, 4, "max_concurrency", "must be positive, found 0");
        assertRefused(cells(cell + "    max_concurrency: lots\n"), LOAD, 4, "max_concurrency",
                "expected a whole number, found");
    }

    @Test
    void anOllamaCellMayUseTheNativeApi() {
        Cells cells = LOAD.apply(cells("""
                cells:
                  - id: lab:ollama:qwen3:8b
                    endpoint: http://127.0.0.1:11434
                    api: native
                  - id: lab:ollama:qwen3:4b
                    endpoint: http://127.0.0.1:11434
                    api: openai
                  - id: lab:llamacpp:m
                    endpoint: http://127.0.0.1:11436
                """));
        assertEquals(StreamApi.OLLAMA_NATIVE, cells.find("lab:ollama:qwen3:8b").orElseThrow().api());
        assertEquals(StreamApi.OPENAI_CHAT, cells.find("lab:ollama:qwen3:4b").orElseThrow().api());
        assertEquals(StreamApi.OPENAI_CHAT, cells.find("lab:llamacpp:m").orElseThrow().api(), "the default");
    }

    @Test
    void theNativeApiIsOllamasOnly() {
        assertRefused(cells("""
                cells:
                  - id: lab:llamacpp:m
                    endpoint: http://127.0.0.1:11436
                    api: native
                """), LOAD, 4, "api", "native is Ollama's own API; engine llamacpp speaks only openai");
    }

    @Test
    void anUnknownApiIsRefused() {
        assertRefused(cells("""
                cells:
                  - id: lab:ollama:m
                    endpoint: http://127.0.0.1:11434
                    api: ollama
                """), LOAD, 4, "api", "expected openai or native, found \"ollama\"");
    }

    /** Callers in other modules build cells without an api: they get the default. */
    @Test
    void theOlderConstructorsKeepTheDefaultApi() {
        Cell cell = new Cell(CellId.parse("a:ollama:m"), Optional.of("http://127.0.0.1:1"), Optional.empty(), true,
                true, Optional.empty(), Optional.empty(), 1);
        assertEquals(StreamApi.OPENAI_CHAT, cell.api());
    }
}
