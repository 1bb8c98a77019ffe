package org.inferbench.bench.state;

import java.util.List;
import org.inferbench.record.LevelRecord;
import org.inferbench.record.LoadMode;
import org.inferbench.record.ResultNames;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The JMH lifecycle of a load run: a trial is one cell and one prompt, an iteration is one level of the sweep.
 * The parameter values are placeholders, as in {@link BatchState}: the harness's main sets both.
 *
 * <p>Nothing here throws into JMH: a run that cannot be prepared still writes one level line per level, each
 * saying why no call was made.
 */
@State(Scope.Thread)
public class LoadState {

    /** The cell id, {@code <node>:<engine>:<model>}. */
    @Param("from-cells.yaml")
    public String cell;

    /** The prompt id. */
    @Param("from-prompts.yaml")
    public String prompt;

    /** {@code direct} or {@code routed} through the cell's gateway, as in {@link BatchState#route}. */
    @Param(ResultNames.ROUTE_DIRECT)
    public String route;

    private LoadRun run;
    private String setupFailure;
    private int failedLevels;

    @Setup(Level.Trial)
    public void openRun() {
        try {
            ClientWarmup.run();
            run = LoadRun.open(ForkContext.current(), cell, prompt, route);
            run.prime();
        } catch (RuntimeException e) {
            setupFailure = "the load run could not be prepared: " + FailedCall.describe(e);
        }
    }

    /** The measured level: its calls and its line go to the relay; what it returns feeds the level's counters. */
    public LoadRun.FinishedLevel runLevel() {
        if (run != null) {
            return run.runNextLevel();
        }
        LevelRecord failed = LevelRecord.builder(cell, prompt, failedLevels++).loadMode(LoadMode.CLOSED)
                .concurrency(1).plannedRequests(0).stoppedEarly(setupFailure)
                .routed(ResultNames.ROUTE_ROUTED.equals(route)).build();
        CallRecordRelay.put(failed);
        return new LoadRun.FinishedLevel(failed, List.of());
    }

    @TearDown(Level.Trial)
    public void closeRun() {
        if (run != null) {
            run.close();
        }
    }
}
