package org.inferbench.export.aggregate;

import java.util.List;
import java.util.Optional;
import org.inferbench.ledger.LedgerWarning;
import org.inferbench.record.MetaRecord;

/**
 * A whole run, aggregated: what a report is made of.
 *
 * @param meta        the run's identity; empty for JMH results
 * @param prompts     every prompt id, in the order the run first used it
 * @param cells       the cells in run order: the meta record's {@code cells_planned} first, then any other
 *                    cell in the order it first appears
 * @param unreliable  why the run breaks the reproducibility checklist (SPEC section 8); empty when it does not
 * @param warnings    lines the reader passed over
 * @param calls       cold and warm calls, failed or not
 * @param failedCalls the calls among them that failed
 * @param skipped     skipped lines
 * @param loadLevels  load levels (issue Load), cell by cell in run order, then prompt and level order; empty for a
 *                    sequential run
 * @param clientServer per cell and prompt with engine timings, the client's times beside the engine's, in report
 *                     order; empty when no sequential call carried {@code server_timings}
 * @param timeline     when each warm call started, for windows over time ({@link Endurance})
 * @param routing      per cell and prompt sent both straight and through the routing gateway in this run, the
 *                     overhead of the gateway (mode B); empty otherwise
 */
public record RunSummary(RunSource source, Optional<MetaRecord> meta, List<String> prompts, List<CellSummary> cells,
                         List<String> unreliable, List<LedgerWarning> warnings, long calls, long failedCalls,
                         long skipped, List<LoadLevelSummary> loadLevels,
                         List<ClientServerSummary> clientServer, CallTimeline timeline,
                         List<RoutingOverhead> routing) {

    /** A run without engine timings nor a timeline (JMH results, tests of the other sections). */
    public RunSummary(RunSource source, Optional<MetaRecord> meta, List<String> prompts, List<CellSummary> cells,
                      List<String> unreliable, List<LedgerWarning> warnings, long calls, long failedCalls,
                      long skipped, List<LoadLevelSummary> loadLevels) {
        this(source, meta, prompts, cells, unreliable, warnings, calls, failedCalls, skipped, loadLevels, List.of(),
                new CallTimeline(), List.of());
    }

    public RunSummary {
        clientServer = List.copyOf(clientServer);
        routing = List.copyOf(routing);
        prompts = List.copyOf(prompts);
        cells = List.copyOf(cells);
        unreliable = List.copyOf(unreliable);
        warnings = List.copyOf(warnings);
        loadLevels = List.copyOf(loadLevels);
    }
}
