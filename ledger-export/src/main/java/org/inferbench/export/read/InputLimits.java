package org.inferbench.export.read;

/**
 * How much of an input ledger-export holds in memory at once. An input is the user's file, but it may
 * be anything the shell hands over (a multi-gigabyte file, a device, a file cut or glued by hand): these
 * bounds turn what would be an out-of-memory crash into a one-line refusal naming the file.
 */
public final class InputLimits {

    /**
     * The longest ledger line read, in bytes. The longest line the harness writes is the meta record,
     * which lists every cell, prompt hash and dirty file: under 1 MiB for a thousand cells. A longer line
     * is not a ledger line, and reading it whole could exhaust the heap.
     */
    public static final int LEDGER_LINE_BYTES = 16 << 20;

    /**
     * The largest JMH results JSON read, in bytes. JMH results are parsed as one tree (about ten times their
     * size in heap); a 1,000-cell x 3-prompt matrix at {@code -i 20} writes about 10 MiB.
     */
    public static final long JMH_RESULTS_BYTES = 64L << 20;

    /**
     * The largest ledger {@code package} reads, in bytes: it holds the whole run in memory to sanitize
     * it. A million calls is about 400 MiB.
     */
    public static final long PACKAGED_LEDGER_BYTES = 1L << 30;

    /**
     * The most lines a ledger may have: 10 million. A million-call run is a million lines (about 600 MB);
     * ten times that is beyond any run the harness schedules. {@code ship} numbers its documents up to it
     * and the read-back believes a store's count of a run's documents only up to it: a larger count is a
     * hostile or broken store, and paging through it would not end.
     */
    public static final long LEDGER_LINES = 10_000_000;

    /** The largest run log {@code package} reads, in bytes: it is redacted as one string. JMH's console is kilobytes. */
    public static final long PACKAGED_LOG_BYTES = 64L << 20;

    /**
     * The largest {@code metadata.json} the catalogue reads, in bytes: {@code package} writes a few KiB (the
     * lists of cells and prompts); anything larger is not one.
     */
    public static final long METADATA_BYTES = 1 << 20;

    private InputLimits() {
    }
}
