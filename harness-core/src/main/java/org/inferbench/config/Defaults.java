package org.inferbench.config;

import java.time.Duration;

/**
 * Every default of the harness, in one place, each with the reason it has this value.
 * Command-line options and the YAML files override these; nothing else does (see
 * {@code README.md}, "Configuration"). Help texts are built from these constants so they cannot drift.
 */
public final class Defaults {

    private Defaults() {
    }

    /** {@value}: the cells file, read from the working directory like JMH reads its own options. */
    public static final String CELLS_YAML = "cells.yaml";

    /** {@value}: the frozen prompts file. */
    public static final String PROMPTS_YAML = "prompts.yaml";

    /** {@value}: where ledgers go, one {@code <benchmark_run_id>.jsonl} per run (SPEC section 6). */
    public static final String LEDGER_DIR = "docs/BENCHMARKS/runs";

    /** {@value} warm calls per batch (SPEC section 3); JMH's {@code -i} changes it. */
    public static final int WARM_CALLS = 5;

    /**
     * {@value}: the calls a cell may have in flight at once unless {@code cells.yaml} raises its {@code max_concurrency}.
     * Small GPUs thrash and shared laptops are shared: a load run is an opt-in per cell, never a default.
     */
    public static final int MAX_CONCURRENCY = 1;

    /**
     * {@value} calls per load level when neither {@code --requests} nor {@code --duration} is given: enough for a p95
     * (type 7 over 64 values has 3 above it), few enough that a sweep of four levels ends in minutes on a small GPU.
     */
    public static final int LOAD_REQUESTS = 64;

    /**
     * 10 min: the longest a load level may send calls when only a count bounds it, so that a slow node cannot turn
     * a sweep into a night. {@code --duration} sets it.
     */
    public static final Duration LOAD_LEVEL_MAX_DURATION = Duration.ofMinutes(10);

    /**
     * 2 s: the longest an open-loop slot's prepared connection may idle before its next call; past it the slot opens
     * a fresh one first. llama-server (cpp-httplib) closes a kept-alive connection after 5 s of idling, and a call
     * sent on such a connection fails within a millisecond ("connection closed before the response"): measured on
     * a 12 s level at 8 req/s, every call that took a slot unused since the level's start failed.
     */
    public static final Duration LOAD_SLOT_IDLE_MAX = Duration.ofSeconds(2);

    /** {@value} calls: the most one level may plan when only {@code --duration} bounds it (an hour at 25 per second). */
    public static final int LOAD_MAX_REQUESTS = 90_000;

    /** {@value}: the open loop's default seed, so that a schedule run without {@code --seed} can still be replayed. */
    public static final long LOAD_SEED = 1;

    /**
     * {@value}: {@code --stop-on-saturation} ends a sweep at a level whose error share is above this (or whose
     * throughput did not rise): the node is past what it can serve, and further levels only queue.
     */
    public static final double SATURATION_ERROR_SHARE = 0.05;

    /** {@value} warm calls when a regression is investigated ({@code -i 20}); suggested by {@code compare}. */
    public static final int INVESTIGATION_WARM_CALLS = 20;

    /**
     * 120 s without a byte from the server ends a call as an error. Long enough for a CPU-only
     * node's prefill of the hardest prompt; short enough that a stalled server cannot hang a run.
     */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(120);

    /**
     * 15 min from time zero to the end of the stream ends a call as an error, whatever the server
     * sends. The read timeout cannot end a server that keeps the connection alive with {@code : ping}
     * comments or one byte a minute; this backstop can. The longest honest call (P-HARD's 1024 tokens
     * at 2 tok/s on a CPU-only node, about 9 min, after a prefill within the read timeout) ends
     * well before it.
     */
    public static final Duration CALL_DEADLINE = Duration.ofMinutes(15);

    /**
     * {@value} bytes (4 MiB): the longest SSE line, and the most data one event may hold (and the longest
     * line of Ollama's native NDJSON stream, whose lines are the same size as SSE chunks). A chunk is
     * a few hundred bytes and llama.cpp's final chunk with {@code timings} about 1 KB; a proxy that
     * buffers a whole answer into one chunk may send a megabyte (tested: a 1 MiB delta is read whole).
     * Beyond four times that is a broken or hostile server, refused before it costs memory
     * ("event over N bytes").
     */
    public static final int MAX_EVENT_BYTES = 4 << 20;

    /**
     * {@value} characters: the most kept of any text a server sends (error message, finish reason,
     * backend header, system fingerprint, a health body). Every real one fits; a server cannot
     * flood the ledger or the console.
     */
    public static final int MAX_SERVER_TEXT_CHARS = 200;

    /**
     * {@value} bytes (1 MiB): the most read of a side request's body (health, {@code /v1/models},
     * {@code /props}, {@code /api/*}, the warm-up). llama-server's {@code /props}, the largest with its
     * chat template, is tens of KB; a body past this is a wrong or hostile endpoint, not an answer.
     */
    public static final int MAX_SIDE_BODY_BYTES = 1 << 20;

    /**
     * {@value}: the largest {@code usage} token count believed. No model's context holds ten million
     * tokens; a larger (or negative) count is a broken server, and one such value would swamp every
     * mean it entered, so the call is an error instead.
     */
    public static final int MAX_TOKEN_COUNT = 10_000_000;

    /** {@value} characters: the most kept of a key in a server's JSON object ({@code timings}); llama.cpp's are under 30. */
    public static final int MAX_SERVER_KEY_CHARS = 64;

    /** {@value}: the most fields kept of a server's JSON object ({@code timings}); llama.cpp sends about ten. */
    public static final int MAX_SERVER_OBJECT_FIELDS = 64;

    /** 10 s to open a connection: a node that does not accept by then is down, not slow. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** 1 s for the health check before the run (SPEC section 8): a healthy engine answers in milliseconds. */
    public static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(1);

    /** At most one sustained call per second per cell (SPEC section 8), so the harness never floods a node. */
    public static final Duration MIN_CALL_INTERVAL = Duration.ofSeconds(1);

    /** Ollama cold: the pause after the unload request, before polling {@code /api/ps} (SPEC section 3). */
    public static final Duration COLD_UNLOAD_PAUSE = Duration.ofSeconds(2);

    /** Ollama cold: how long {@code /api/ps} is polled for the model to disappear before giving up (and saying so). */
    public static final Duration COLD_UNLOAD_GIVE_UP = Duration.ofSeconds(30);

    /** A call is warm when another call to the same model on the same engine happened within this window (SPEC section 3). */
    public static final Duration WARM_WINDOW = Duration.ofSeconds(60);

    /** The harness refuses to start above this 1-minute load average unless {@code --force-load} (SPEC section 8). */
    public static final double MAX_LOAD_AVERAGE = 4.0;

    /**
     * Sampling temperature sent with every call. Sent explicitly because Ollama otherwise applies
     * the model's own defaults, which differ across models and versions; 0 (greedy) makes the
     * same model produce the same tokens run after run, so durations compare across months.
     */
    public static final double TEMPERATURE = 0.0;

    /** Nucleus sampling, sent explicitly for the same reason as {@link #TEMPERATURE}; 1.0 turns it off. */
    public static final double TOP_P = 1.0;

    /** A move of this fraction or more in the bad direction is a regression; in the good one, an improvement (SPEC section 7). */
    public static final double REGRESSION_THRESHOLD = 0.30;

    /** A warm success rate below this is a red flag: investigate before publishing (SPEC section 7). */
    public static final double MIN_SUCCESS_RATE = 0.95;

    /**
     * {@value}: below this p-value, {@code compare} calls a move between two runs' warm calls a signal
     * rather than noise. The conventional level: with 5 warm calls a side the smallest p the rank test can
     * give is about 0.009, so a level much stricter could never be met at the default N.
     */
    public static final double SIGNIFICANCE_LEVEL = 0.05;

    /**
     * {@value} bytes (1 MiB): the largest {@code cells.yaml} or {@code prompts.yaml} read. A thousand
     * cells take about 100 KB; a larger file is the wrong file, refused before it costs memory.
     */
    public static final int MAX_CONFIG_FILE_BYTES = 1 << 20;

    /**
     * {@value}: the aliases to lists and maps a configuration file may hold. The shipped files need
     * none; the cap stops a "billion laughs" file (aliases of aliases) from growing exponentially.
     */
    public static final int MAX_YAML_ALIASES = 20;

    /**
     * {@value}: how deep lists and maps may nest in a configuration file. The files need three
     * levels; the cap keeps a pathological file from exhausting the parser's stack.
     */
    public static final int MAX_YAML_NESTING = 20;

    /**
     * Below this many warm samples a report marks p95 with a dagger: with type-7 interpolation, the p95 of fewer
     * than 20 values is interpolated between the two largest ones, so it reports the worst calls, not a tail.
     */
    public static final int P95_MIN_SAMPLES = 20;

    /**
     * Ollama cold: how often {@code /api/ps} is asked whether the model is gone. The endpoint is
     * cheap; four times a second notices the unload within a quarter second without hammering it.
     */
    public static final Duration COLD_UNLOAD_POLL_INTERVAL = Duration.ofMillis(250);

    /**
     * {@value}: the harness's lock, in {@code /tmp} whatever {@code java.io.tmpdir} says (benchmarks'
     * {@code LockLocation} decides where and why), so that one harness at a time runs on a host (SPEC section 8). Beside JMH's own {@code jmh.lock}, which guards JMH runs, not harness runs.
     */
    public static final String LOCK_FILE_NAME = "inferbench.lock";

    /** {@value}: the prompt of {@code --smoke}, the shortest, so a smoke run takes seconds. */
    public static final String SMOKE_PROMPT = "P-EASY";

    /** {@value} warm call in a {@code --smoke} run: enough to see that cold and warm both work. */
    public static final int SMOKE_WARM_CALLS = 1;

    /** 1 s: SPEC section 12 samples a running cell "about one a second"; often enough to see a queue form. */
    public static final Duration SAMPLE_INTERVAL = Duration.ofSeconds(1);

    /**
     * 800 ms: one poll of a target's {@code /metrics}, {@code /slots} or {@code /api/ps}, connect to last byte. Under
     * {@link #SAMPLE_INTERVAL}, so a slow target costs a sample, never a pile of polls; all three answer in
     * milliseconds when healthy.
     */
    public static final Duration SAMPLE_CALL_TIMEOUT = Duration.ofMillis(800);

    /**
     * {@value} values per sample: llama-server's {@code /metrics} has about a dozen series; a target that sends
     * thousands is not describing one engine, and a sample line must stay small.
     */
    public static final int MAX_SAMPLE_VALUES = 256;

    // ---- shipping: ledger-export ship / aggregate --from (issue 12) ----

    /** {@value}: SPEC section 12's default prefix; indices are {@code <prefix>-<yyyy.MM>} of the run's start. */
    public static final String SEARCH_INDEX_PREFIX = "weeyuga-benchmarks";

    /**
     * {@value} documents per {@code _bulk} request at most: Elastic's advice is to start around a thousand and
     * measure; a call document is about 700 bytes, so a full batch is under 1 MiB and one answer's per-item
     * results stay small, while a million lines still take only a thousand round trips.
     */
    public static final int SHIP_BATCH_DOCUMENTS = 1000;

    /**
     * 5 MiB per {@code _bulk} request at most, whichever of this and {@link #SHIP_BATCH_DOCUMENTS} comes first:
     * the low end of the 5-15 MB Elastic recommends, well under the default 100 MB {@code
     * http.max_content_length}, so a batch of large meta or sample lines is never refused whole.
     */
    public static final int SHIP_BATCH_BYTES = 5 << 20;

    /**
     * {@value} attempts per document (the first and five retries) when the store answers 429, a 5xx, a
     * rejected execution, or the connection fails: with {@link #SHIP_BACKOFF_FIRST} doubling, the last retry
     * comes about half a minute after the first failure, long enough for a busy node's queue to drain, short
     * enough that a dead store is reported within a minute. A rerun ships what was left.
     */
    public static final int SHIP_ATTEMPTS = 6;

    /** 1 s before the first retry, doubled each time: a node rejecting writes needs seconds, not milliseconds. */
    public static final Duration SHIP_BACKOFF_FIRST = Duration.ofSeconds(1);

    /** 30 s at most between two attempts, however many doublings: a wait longer than that looks like a hang. */
    public static final Duration SHIP_BACKOFF_MAX = Duration.ofSeconds(30);

    /**
     * 60 s at most honoured from a {@code Retry-After}: a server (or a hostile proxy) asking for an hour must
     * not park the command; past this the wait is cut to it.
     */
    public static final Duration SHIP_RETRY_AFTER_MAX = Duration.ofSeconds(60);

    /** 10 s to connect to the store: a cluster answers in milliseconds; longer is a wrong address or a firewall. */
    public static final Duration SEARCH_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /**
     * 60 s of silence at most from the store: a 5 MiB bulk request on a busy node can take seconds to be
     * indexed before its answer starts, far less than a minute.
     */
    public static final Duration SEARCH_READ_TIMEOUT = Duration.ofSeconds(60);

    /** 5 min for one request to the store, answer included: the backstop against a store that trickles bytes. */
    public static final Duration SEARCH_CALL_DEADLINE = Duration.ofMinutes(5);

    /**
     * 64 MiB at most read of one answer from the store: a bulk answer is about 200 bytes per item, a page of
     * {@link #READ_BACK_PAGE_DOCUMENTS} documents about a megabyte; a larger answer is not one we asked for.
     */
    public static final long SEARCH_ANSWER_BYTES = 64L << 20;

    /**
     * 4 KiB of a {@code _bulk} answer per document sent at most (64 KiB at least, for a whole request's
     * refusal): an item's result is about 200 bytes, a rejected one with its store's reason and cause under
     * 2 KiB. A larger answer (a hostile store answering millions of items) is not read, and never shipped.
     */
    public static final int SHIP_BULK_ANSWER_BYTES_PER_DOCUMENT = 4 << 10;

    /**
     * {@value} documents per page when a run is read back ({@code search_after}): 10,000 is the store's
     * default cap per page; a thousand keeps a page near a megabyte and a million-line run at a thousand pages.
     */
    public static final int READ_BACK_PAGE_DOCUMENTS = 1000;

    /** A progress line on stderr every {@value} documents shipped: about every few seconds on a long ledger. */
    public static final int SHIP_PROGRESS_DOCUMENTS = 100_000;
}
