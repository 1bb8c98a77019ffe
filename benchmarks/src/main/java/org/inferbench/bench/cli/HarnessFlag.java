package org.inferbench.bench.cli;

import java.util.Arrays;
import java.util.Optional;
import org.inferbench.config.Defaults;
import org.inferbench.config.DurationText;

/**
 * The harness's own options. They start with {@code --}, JMH's with a single {@code -}, which is how
 * the main tells them apart. The help text is built from this table and {@link Defaults}.
 */
enum HarnessFlag {
    CELLS_YAML("--cells-yaml", "FILE", "The cells to run. Default: ./" + Defaults.CELLS_YAML + "."),
    PROMPTS_YAML("--prompts-yaml", "FILE", "The frozen prompts. Default: ./" + Defaults.PROMPTS_YAML + "."),
    LEDGER_DIR("--ledger-dir", "DIR", "Where the ledger <benchmark_run_id>.jsonl and the console log"
            + " <benchmark_run_id>.log go. Default: " + Defaults.LEDGER_DIR + "."),
    PROBE("--probe", null, "Health-check every selected cell and print a table (cell, endpoint, engine version,"
            + " reachable, reason); no calls. Exit 0 when a cell is reachable."),
    SMOKE("--smoke", null, "A quick check: the first selected cell, " + Defaults.SMOKE_PROMPT + ", the cold call and "
            + Defaults.SMOKE_WARM_CALLS + " warm call."),
    ALLOW_DIRTY("--allow-dirty", null, "Run with uncommitted changes in the working tree; the ledger names them."),
    FOR_PUBLICATION("--for-publication", null, "Refuse to run when any selected cell fails its health check."),
    FORCE_LOAD("--force-load", null, "Run even when the 1-minute load average is above "
            + Defaults.MAX_LOAD_AVERAGE + "."),
    CONCURRENCY("--concurrency", "N,N,...", "A closed-loop load run: each level's N workers send their next call"
            + " when their previous one ends. Levels run in turn on every selected cell and prompt; each must be at most"
            + " the cell's max_concurrency in cells.yaml (default " + Defaults.MAX_CONCURRENCY + ")."),
    RATE("--rate", "R,R,...", "An open-loop load run: each level sends R requests per second on a schedule fixed in"
            + " advance; a call that cannot leave on time leaves late and records by how much (send_lag_ms)."),
    REQUESTS("--requests", "N", "Calls per load level. Default: " + Defaults.LOAD_REQUESTS + " (with --duration: at most "
            + Defaults.LOAD_MAX_REQUESTS + ")."),
    DURATION("--duration", "TIME", "How long each load level sends calls (500ms, 60s, 5m, 1h); with --requests,"
            + " whichever ends first. Default: " + DurationText.format(Defaults.LOAD_LEVEL_MAX_DURATION) + " at most."),
    ARRIVALS("--arrivals", "KIND", "The open loop's schedule: poisson (default), constant or gamma."),
    BURSTINESS("--burstiness", "CV", "Gamma arrivals: the gaps' coefficient of variation (above 1 burstier than"
            + " Poisson)."),
    SEED("--seed", "N", "The open loop's seed (level i uses N + i). Default: " + Defaults.LOAD_SEED + "."),
    MAX_CONCURRENCY("--max-concurrency", "N", "The open loop's cap on calls in flight. Default: the cell's"
            + " max_concurrency."),
    RAMP_UP("--ramp-up", "TIME", "Start each level gently: closed loop, its workers evenly over this time; open loop,"
            + " its rate rising linearly from 0 to the target over this time."),
    SLO("--slo", "NAME=MS,...", "Objectives for goodput: ttft_ms (from the schedule), tpot_ms, total_ms, e.g."
            + " ttft_ms=500,tpot_ms=50."),
    STOP_ON_SATURATION("--stop-on-saturation", null, "End a sweep at the first level whose throughput did not rise or"
            + " whose errors exceed " + Math.round(Defaults.SATURATION_ERROR_SHARE * 100) + " %."),
    HELP("--help", null, "This help, after JMH's (same as -h).");

    private final String name;
    private final String valueName;
    private final String description;

    HarnessFlag(String name, String valueName, String description) {
        this.name = name;
        this.valueName = valueName;
        this.description = description;
    }

    String flagName() {
        return name;
    }

    /** The placeholder of the option's value; null for a switch. */
    String valueName() {
        return valueName;
    }

    String description() {
        return description;
    }

    boolean takesValue() {
        return valueName != null;
    }

    static Optional<HarnessFlag> named(String name) {
        return Arrays.stream(values()).filter(f -> f.name.equals(name)).findFirst();
    }
}
