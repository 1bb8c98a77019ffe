package org.inferbench.bench.state;

import org.inferbench.bench.engine.EngineTarget;
import org.inferbench.call.CallContext;
import org.inferbench.config.CellId;
import org.inferbench.record.CallRecord;
import org.inferbench.record.ColdKind;
import org.inferbench.record.Phase;
import org.inferbench.record.ResultNames;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The JMH lifecycle of one batch: a trial is one cell and one prompt, an iteration is one call.
 *
 * <p>The parameter values here are placeholders: the harness's main always sets both from
 * {@code cells.yaml} and {@code prompts.yaml} ({@code -p} narrows them), because JMH itself would
 * accept any string.
 *
 * <p>Nothing here throws into JMH: a throwing trial setup would end the fork without a record, so a
 * batch that cannot be prepared still produces one failed record per call.
 */
@State(Scope.Thread)
public class BatchState {

    /** The cell id, {@code <node>:<engine>:<model>}. */
    @Param("from-cells.yaml")
    public String cell;

    /** The prompt id. */
    @Param("from-prompts.yaml")
    public String prompt;

    /**
     * How the calls reach the engine: {@code direct}, or {@code routed} through the cell's gateway (mode B). The
     * harness's main always sets it ({@code routed} when {@code WEEYUGA_INFERENCE_ROUTE} is set and {@code -p route}
     * is not given); {@code -p route=direct,routed} runs each batch both ways in one run, for the routing overhead.
     */
    @Param(ResultNames.ROUTE_DIRECT)
    public String route;

    private Batch batch;
    private String setupFailure;
    private CallSequence failedSequence;
    private CallContext failedNext;
    private CallRecord lastCall;

    @Setup(Level.Trial)
    public void openBatch() {
        try {
            ForkContext context = ForkContext.current();
            HostWatch.haltWhenGone(context.hostPid());
            ClientWarmup.run();
            batch = Batch.open(context, cell, prompt, route);
        } catch (RuntimeException e) {
            setupFailure = "the batch could not be prepared: " + FailedCall.describe(e);
            failedSequence = new CallSequence(true);
        }
    }

    @Setup(Level.Iteration)
    public void prepareCall() {
        if (batch != null) {
            batch.prepareNextCall();
        } else {
            CallSequence.Step step = failedSequence.next();
            failedNext = new CallContext(cell, prompt, step.phase(), step.runIdx(),
                    step.phase() == Phase.COLD ? coldKind() : null, engineName(), null);
        }
    }

    /** The measured call. */
    public CallRecord call() {
        lastCall = batch != null ? batch.call() : failedLine(FailedCall.record(failedNext, setupFailure));
        return lastCall;
    }

    /** After the timed region (serializing a record is not the call's time): the record goes to the host. */
    @TearDown(Level.Iteration)
    public void relayCall() {
        if (lastCall != null) {
            CallRecordRelay.put(lastCall);
            lastCall = null;
        }
    }

    @TearDown(Level.Trial)
    public void closeBatch() {
        if (batch != null) {
            batch.close();
        }
    }

    /** A routed batch that could not be prepared is still a routed batch: its lines say so. */
    private CallRecord failedLine(CallRecord failed) {
        return ResultNames.ROUTE_ROUTED.equals(route) ? failed.asRouted() : failed;
    }

    private String engineName() {
        try {
            return CellId.parse(cell).engine().wireName();
        } catch (IllegalArgumentException e) {
            return "unknown";
        }
    }

    private ColdKind coldKind() {
        try {
            return EngineTarget.of(CellId.parse(cell).engine()).coldKind();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
