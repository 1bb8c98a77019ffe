package org.inferbench.export.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.inferbench.ledger.LedgerWarning;
import org.inferbench.record.CellFacts;
import org.inferbench.record.MetaRecord;

/**
 * SPEC section 8: a report built from a run that broke the reproducibility checklist says so at its top.
 * Every breach is listed, run-wide ones first, then per cell in the meta record's order, so the same
 * ledger always gives the same list.
 */
public final class ReproducibilityChecklist {

    private ReproducibilityChecklist() {
    }

    /** Why the run cannot be presented as canonical; empty when nothing is wrong. */
    public static List<String> breaches(RunSource source, Optional<MetaRecord> meta, List<LedgerWarning> warnings) {
        List<String> breaches = new ArrayList<>();
        if (meta.isEmpty()) {
            breaches.add("run identity not recorded (" + source.description() + " has no meta record)");
        }
        meta.ifPresent(m -> runBreaches(m, breaches));
        warnings.stream().filter(w -> w.kind() == LedgerWarning.Kind.TRUNCATED).forEach(w -> breaches.add(
                "the ledger is truncated (line " + w.line() + " was cut off)"));
        meta.ifPresent(m -> cellBreaches(m, breaches));
        return breaches;
    }

    private static void runBreaches(MetaRecord meta, List<String> breaches) {
        if (meta.finishedAtUtc() == null) {
            breaches.add("the run did not finish (finished_at_utc is null)");
        }
        if (meta.gitSha() == null || meta.gitDirty() == null) {
            breaches.add("the git state was not recorded (git_sha or git_dirty missing)");
        } else if (meta.gitDirty() && (meta.gitDirtyFiles() == null || meta.gitDirtyFiles().isEmpty())) {
            breaches.add("the git tree was dirty and the dirty files were not recorded");
        }
        if (meta.cells() == null || meta.cells().isEmpty()) {
            breaches.add("no cell facts recorded (engine versions, model identities, health checks)");
        }
    }

    private static void cellBreaches(MetaRecord meta, List<String> breaches) {
        if (meta.cells() == null) {
            return;
        }
        for (CellFacts cell : meta.cells()) {
            if (!cell.reachable()) {
                breaches.add(cell.cellId() + " failed its health check: "
                        + (cell.healthReason() == null ? "no reason recorded" : cell.healthReason()));
                continue;
            }
            if (cell.engineVersion() == null) {
                breaches.add(cell.cellId() + ": engine_version not recorded");
            }
            if (cell.modelDigest() == null && cell.ggufSha256() == null && cell.modelPath() == null) {
                breaches.add(cell.cellId()
                        + ": model identity not recorded (no model_digest, gguf_sha256 or model_path)");
            }
        }
    }
}
