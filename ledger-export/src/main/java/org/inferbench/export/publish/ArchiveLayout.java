package org.inferbench.export.publish;

import java.nio.file.Path;
import java.util.regex.Pattern;

/** Where things are in a public archive (SPEC section 10): {@code runs/<id>/} per run and one catalogue. */
public final class ArchiveLayout {

    private ArchiveLayout() {
    }

    public static final String RUNS = "runs";
    public static final String CATALOGUE = "catalogue.json";

    /** The ledger, sanitized. */
    public static final String LEDGER = "run.jsonl";
    /** The baseline report; charts go beside it. */
    public static final String REPORT = "run.md";
    /** The harness's console output, sanitized. */
    public static final String LOG = "run.log";
    public static final String METADATA = "metadata.json";

    /** A run id names a folder: it must not climb out of {@code runs/} or hide itself. */
    private static final Pattern FOLDER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /**
     * {@code archive/runs/<id>}.
     *
     * @throws IllegalArgumentException when the id cannot be a folder name ({@code ../x}, {@code a/b}, empty)
     */
    public static Path runFolder(Path archive, String benchmarkRunId) {
        if (benchmarkRunId == null || !FOLDER_NAME.matcher(benchmarkRunId).matches()) {
            throw new IllegalArgumentException("benchmark_run_id '" + benchmarkRunId + "' cannot name a run folder");
        }
        return archive.resolve(RUNS).resolve(benchmarkRunId);
    }
}
