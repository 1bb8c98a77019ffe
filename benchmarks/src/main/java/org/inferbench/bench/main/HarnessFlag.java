package org.inferbench.bench.main;

import java.util.Arrays;
import java.util.Optional;
import org.inferbench.config.Defaults;

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
