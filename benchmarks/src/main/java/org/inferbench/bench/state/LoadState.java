package org.inferbench.bench.state;

import org.inferbench.record.LevelRecord;
import org.inferbench.record.LoadMode;
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

    private LoadRun run;
    private String setupFailure;
    private int failedLevels;

    @Setup(Level.Trial)
    public void openRun() {
        try {
            ClientWarmup.run();
            run = LoadRun.open(ForkContext.current(), cell, prompt);
            run.prime();
        } catch (RuntimeException e) {
            setupFailure = "the load run could not be prepared: " + FailedCall.describe(e);
        }
    }

    /** The measured level. */
    public void runLevel() {
        if (run != null) {
            run.runNextLevel();
        } else {
            CallRecordRelay.put(new LevelRecord(LevelRecord.TYPE, cell, prompt, failedLevels++, LoadMode.CLOSED, 1,
                    null, 0, 0, 0, null, null, null, null, 0, setupFailure));
        }
    }

    @TearDown(Level.Trial)
    public void closeRun() {
        if (run != null) {
            run.close();
        }
    }
}
