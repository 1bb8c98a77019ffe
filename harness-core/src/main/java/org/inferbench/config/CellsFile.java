package org.inferbench.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.inferbench.call.StreamApi;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads {@code cells.yaml}: a {@code cells:} list, one map per cell (the shipped file documents
 * every key). The endpoint's and the route's {@code ${VAR}} references are resolved here, with the shell's
 * {@code ${VAR:-default}}; a cell whose variable is unset keeps no endpoint (or no route) and says why, so it can
 * be recorded as skipped rather than dropped.
 */
public final class CellsFile {

    private static final String CELLS = "cells";
    private static final String ID = "id";
    private static final String ENDPOINT = "endpoint";
    private static final String ENABLED = "enabled";
    private static final String COLD = "cold";
    private static final String GGUF_SHA256 = "gguf_sha256";
    private static final String API_KEY_ENV = "api_key_env";
    /** The cell's name for {@link Cell#api()}. */
    public static final String API = "api";
    /** {@code api:} values: the default, SPEC section 2's API, which every engine speaks ... */
    static final String API_OPENAI = "openai";
    /** ... and Ollama's own {@code /api/chat}. */
    static final String API_NATIVE = "native";
    /** The cell's name for {@link Cell#maxConcurrency()}; load runs name it when they refuse. */
    public static final String MAX_CONCURRENCY = "max_concurrency";
    /** The cell's name for {@link Cell#route()}: its routing gateway (mode B); messages name it. */
    public static final String ROUTE = "route";

    private static final List<String> CELL_KEYS = List.of(ID, ENDPOINT, ENABLED, COLD, GGUF_SHA256, API_KEY_ENV,
            MAX_CONCURRENCY, API, ROUTE);

    /** Keys people write because SPEC describes a cell as node, engine and model. */
    private static final Map<String, String> CELL_KEY_HINTS = Map.of(
            "node", "the node is part of the id: <node>:<engine>:<model>",
            "engine", "the engine is part of the id: <node>:<engine>:<model>",
            "model", "the model is part of the id: <node>:<engine>:<model>");

    private CellsFile() {
    }

    /** Reads the file with the process environment. */
    public static Cells load(Path file) {
        return load(file, Environment.system());
    }

    /** @throws ConfigException naming the file, the line and the key of the first mistake */
    public static Cells load(Path file, Environment environment) {
        return load(YamlFile.read(file), environment);
    }

    /** The cells of a text the host read ({@link ConfigText}), as {@link #load(Path, Environment)} reads a file. */
    public static Cells load(ConfigText text, Environment environment) {
        return load(YamlFile.of(text.file(), text.text()), environment);
    }

    private static Cells load(YamlFile yaml, Environment environment) {
        YamlFields top = YamlFields.of(yaml, yaml.root(), "the cells file", CELLS)
                .allowOnly(List.of(CELLS), Map.of());
        Node list = top.required(CELLS);
        if (!(list instanceof SequenceNode sequence)) {
            throw top.error(CELLS, "expected a list of cells (each starting with '- id:'), found "
                    + YamlFields.describe(list));
        }
        if (sequence.getValue().isEmpty()) {
            throw top.error(CELLS, "the list is empty: declare at least one cell");
        }
        Map<String, Cell> byId = new LinkedHashMap<>();
        for (Node item : sequence.getValue()) {
            YamlFields fields = YamlFields.of(yaml, item, "a cell", CELLS).allowOnly(CELL_KEYS, CELL_KEY_HINTS);
            Cell cell = cell(fields, environment);
            Cell first = byId.putIfAbsent(cell.id().toString(), cell);
            if (first != null) {
                throw fields.error(ID, "cell '" + cell.id() + "' is declared twice (first on line "
                        + first.line() + ")");
            }
        }
        return new Cells(List.copyOf(byId.values()));
    }

    private static Cell cell(YamlFields fields, Environment environment) {
        CellId id = id(fields);
        Interpolation.Result endpoint = url(fields, ENDPOINT, fields.requiredText(ENDPOINT), environment);
        // The gateway's base URL takes the endpoint's syntax and checks: the engine's path is appended to it.
        Optional<Interpolation.Result> route = fields.text(ROUTE).map(text -> url(fields, ROUTE, text, environment));
        return new Cell(id, endpoint.value().map(Endpoints::normalize), unsetReason(ENDPOINT, endpoint),
                fields.bool(ENABLED).orElse(true),
                fields.bool(COLD).orElse(true),
                ggufSha256(fields),
                apiKeyEnv(fields),
                fields.value(MAX_CONCURRENCY).isPresent() ? fields.requiredPositiveInt(MAX_CONCURRENCY)
                        : Defaults.MAX_CONCURRENCY,
                fields.line(),
                api(fields, id),
                route.flatMap(Interpolation.Result::value).map(Endpoints::normalize),
                route.flatMap(r -> unsetReason(ROUTE, r)));
    }

    /** A URL key ({@code endpoint}, {@code route}) interpolated and checked; unset variables are kept, not refused. */
    private static Interpolation.Result url(YamlFields fields, String key, String text, Environment environment) {
        Interpolation.Result result;
        try {
            result = Interpolation.resolve(text, environment);
        } catch (IllegalArgumentException e) {
            throw fields.error(key, e.getMessage());
        }
        result.value().ifPresent(url -> checkUrl(fields, key, text, url));
        return result;
    }

    /** {@code openai} (the default) or {@code native}, which only Ollama speaks. */
    private static StreamApi api(YamlFields fields, CellId id) {
        String text = fields.text(API).orElse(API_OPENAI);
        return switch (text) {
            case API_OPENAI -> StreamApi.OPENAI_CHAT;
            case API_NATIVE -> {
                if (id.engine() != Engine.OLLAMA) {
                    throw fields.error(API, "native is Ollama's own API; engine " + id.engine()
                            + " speaks only openai (leave the key out)");
                }
                yield StreamApi.OLLAMA_NATIVE;
            }
            default -> throw fields.error(API, "expected openai or native, found " + Quote.of(text));
        };
    }

    private static CellId id(YamlFields fields) {
        String text = fields.requiredText(ID);
        if (text.codePoints().anyMatch(CellsFile::notInAnId)) {
            throw fields.error(ID, "a cell id may not contain spaces, commas or invisible characters, found "
                    + Quote.of(text));
        }
        try {
            return CellId.parse(text);
        } catch (IllegalArgumentException e) {
            throw fields.error(ID, e.getMessage());
        }
    }

    /** Commas because JMH takes a list of cells as one comma-separated parameter; the rest because ids are printed. */
    private static boolean notInAnId(int c) {
        return c == ',' || Character.isWhitespace(c) || Character.isISOControl(c) || Character.getType(c) == Character.FORMAT;
    }

    private static void checkUrl(YamlFields fields, String key, String written, String resolved) {
        Endpoints.problem(resolved).ifPresent(problem -> {
            // Substituted from the environment, the text may carry a key in its query: shown as a record shows it.
            String shown = Quote.of(Endpoints.recorded(resolved));
            String subject = written.equals(resolved) ? shown
                    : Quote.of(Endpoints.redact(written)) + " (" + shown + " once substituted)";
            throw fields.error(key, subject + " " + problem);
        });
    }

    private static Optional<String> unsetReason(String key, Interpolation.Result url) {
        List<String> variables = url.unsetVariables();
        if (variables.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(variables.size() == 1
                ? key + " variable " + variables.get(0) + " is not set"
                : key + " variables " + String.join(", ", variables) + " are not set");
    }

    private static Optional<String> ggufSha256(YamlFields fields) {
        return fields.text(GGUF_SHA256).map(hash -> {
            if (!hash.matches("[0-9a-fA-F]{64}")) {
                throw fields.error(GGUF_SHA256, "expected 64 hexadecimal characters (sha256sum's output), found "
                        + Quote.of(hash));
            }
            return hash.toLowerCase(Locale.ROOT);
        });
    }

    private static Optional<String> apiKeyEnv(YamlFields fields) {
        return fields.text(API_KEY_ENV).map(name -> {
            if (!Environment.isVariableName(name)) {
                // Not echoed: it may be the key itself, and error messages end up in logs.
                throw fields.error(API_KEY_ENV, "expected the NAME of an environment variable (letters, digits"
                        + " and '_', not starting with a digit); the key itself never goes in this file");
            }
            return name;
        });
    }
}
