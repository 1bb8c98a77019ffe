package org.inferbench.export.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.inferbench.record.Json;

/**
 * The index template {@code ship} installs as {@code _index_template/<prefix>} for {@code <prefix>-2*}: explicit
 * mappings for every field of SPEC sections 2, 5 and 12, so that a dashboard sees numbers as numbers (long
 * for counts and milliseconds, double for rates and percentiles), ids and enums as keywords, times as dates,
 * and {@code metadata} as a flat object.
 *
 * <p>The choices, and why:
 * <ul>
 *   <li>{@code dynamic: false}: a field this version does not know (appended by a newer harness) stays in
 *       {@code _source}, read back whole, but does not grow the mapping or guess a type that a later value
 *       would contradict.</li>
 *   <li>{@code server_timings} is an object whose numbers are mapped as {@code double} as they come: the
 *       engine's own timings (llama.cpp's {@code timings}, Ollama's durations) are the numbers worth charting
 *       beside the client's, their keys are a few dozen per engine (the harness keeps at most 64 per call),
 *       and without the dynamic template the first {@code prompt_ms} seen as 12 would map to {@code long} and
 *       truncate every later 12.5.</li>
 *   <li>A sample line's {@code values} is a flat object: metric names are open-ended (any engine's
 *       Prometheus names, up to 256 a line), so mapping each as a field would grow the mapping with every
 *       engine version until the store's field limit rejects documents. Names and values stay searchable as
 *       keywords; the numbers themselves are in {@code _source}.</li>
 *   <li>{@code ledger_line}, the document's line in its ledger file (also in its {@code _id}), is a
 *       {@code long}: the read-back sorts on it ({@code _id} cannot be sorted on in Elasticsearch 8).</li>
 *   <li>Free text ({@code error}, {@code reason}, {@code cold_note}, {@code stopped_early}) is {@code text}
 *       with a bounded {@code keyword}, to be both searched and grouped.</li>
 *   <li>Dates are strict: a time that is not ISO-8601 is a damaged line, rejected and reported by line.</li>
 * </ul>
 * Whether an installed template is this one is told by {@code _meta.template_sha256}, the digest of the
 * body without {@code _meta}: stores normalise what they return, so the bodies themselves cannot be compared.
 */
public final class IndexTemplate {

    /**
     * Above the 100 of most catch-all templates, so a store with a {@code *} template still maps our
     * indices our way; a store refuses two overlapping templates of equal priority, and says so.
     */
    static final int PRIORITY = 200;
    /** The template's shape; bumped when the mappings change. */
    static final int VERSION = 1;
    static final String DIGEST_KEY = "template_sha256";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final IndexPrefix prefix;
    private final ObjectNode body;
    private final String digest;

    public IndexTemplate(IndexPrefix prefix, SearchFlavour flavour) {
        this.prefix = prefix;
        ObjectNode template = NODES.objectNode();
        template.set("index_patterns", NODES.arrayNode().add(prefix.pattern()));
        template.put("priority", PRIORITY);
        template.put("version", VERSION);
        template.putObject("template").set("mappings", mappings(flavour));
        this.digest = sha256(template);
        template.putObject("_meta").put("managed_by", "inferbench ledger-export ship").put(DIGEST_KEY, digest);
        this.body = template;
    }

    public String name() {
        return prefix.value();
    }

    ObjectNode body() {
        return body.deepCopy();
    }

    String digest() {
        return digest;
    }

    private static ObjectNode mappings(SearchFlavour flavour) {
        ObjectNode mappings = NODES.objectNode();
        mappings.put("dynamic", false);
        ArrayNode templates = mappings.putArray("dynamic_templates");
        templates.addObject().set("server_timings_numbers", dynamic("long", type("double")));
        templates.addObject().set("server_timings_decimals", dynamic("double", type("double")));
        templates.addObject().set("server_timings_text", dynamic("string", keyword()));
        ObjectNode p = mappings.putObject("properties");
        // Every line (SPEC sections 2, 12) and the document's own fields.
        keywords(p, "type", "cell_id", "prompt_id", "phase");
        p.set("ledger_line", type("long"));
        p.set("metadata", type(flavour.flatType()));
        // The call (SPEC section 2, then the appended fields).
        longs(p, "run_idx", "first_delta_ms", "total_duration_ms", "prompt_tokens", "completion_tokens",
                "first_token_ms", "first_content_ms", "chunk_count", "content_chars", "reasoning_chars", "http_status",
                "level_idx", "concurrency", "request_bytes", "response_bytes");
        doubles(p, "tokens_per_sec", "itl_ms_p50", "itl_ms_p95", "itl_ms_max", "tpot_ms", "target_rate",
                "scheduled_offset_ms", "send_lag_ms");
        keywords(p, "finish_reason", "backend", "system_fingerprint", "cold_kind", "load_mode");
        texts(p, "error", "cold_note", "reason", "stopped_early");
        p.set("started_at_utc", type("date"));
        p.set("routed", type("boolean"));
        p.putObject("server_timings").put("type", "object").put("dynamic", true);
        // The level line (SPEC section 12).
        longs(p, "requests", "errors", "wall_ms", "harness_cpu_ms", "planned_requests");
        doubles(p, "achieved_rps", "output_tokens_per_sec");
        p.set("rate_short", type("boolean"));
        // The sample line (SPEC section 12).
        p.set("t_offset_ms", type("long"));
        p.set("at_utc", type("date"));
        p.set("source", keyword());
        p.set("values", type(flavour.flatType()));
        // The meta line (SPEC section 5); its cells and prompt hashes stay in _source.
        keywords(p, "benchmark_run_id", "git_sha", "harness_version", "host", "env_route", "env_llamacpp_url",
                "cells_planned", "jvm_version", "jmh_version", "mode", "git_dirty_files", "harness_flags");
        p.set("git_dirty", type("boolean"));
        p.set("interrupted", type("boolean"));
        p.set("finished_at_utc", type("date"));
        doubles(p, "load_avg_start", "load_avg_end");
        p.set("warm_calls", type("long"));
        return mappings;
    }

    private static ObjectNode dynamic(String matchType, ObjectNode mapping) {
        ObjectNode rule = NODES.objectNode();
        rule.put("path_match", "server_timings.*");
        rule.put("match_mapping_type", matchType);
        rule.set("mapping", mapping);
        return rule;
    }

    private static ObjectNode type(String type) {
        return NODES.objectNode().put("type", type);
    }

    private static ObjectNode keyword() {
        return type("keyword").put("ignore_above", 1024);
    }

    private static void keywords(ObjectNode properties, String... names) {
        for (String name : names) {
            properties.set(name, keyword());
        }
    }

    private static void longs(ObjectNode properties, String... names) {
        for (String name : names) {
            properties.set(name, type("long"));
        }
    }

    private static void doubles(ObjectNode properties, String... names) {
        for (String name : names) {
            properties.set(name, type("double"));
        }
    }

    private static void texts(ObjectNode properties, String... names) {
        for (String name : names) {
            ObjectNode text = type("text");
            text.putObject("fields").set("keyword", keyword());
            properties.set(name, text);
        }
    }

    private static String sha256(ObjectNode node) {
        try {
            byte[] bytes = Json.mapper().writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
