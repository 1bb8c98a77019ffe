package org.inferbench.load;

import java.util.List;
import org.inferbench.record.CallRecord;
import org.inferbench.record.LevelRecord;
import org.inferbench.record.LoadMode;

/** Turns a level's outcome into its ledger line (SPEC section 12): one formula for every figure, here. */
public final class LevelSummary {

    /**
     * An open level whose achieved rate is more than this share under its target did not deliver the load it is
     * named after (issue Load: "more than 5 % short"); its latencies must not be read as that rate's.
     */
    public static final double RATE_SHORT_FRACTION = 0.05;

    private LevelSummary() {
    }

    /** Whether an open level fell more than {@link #RATE_SHORT_FRACTION} short of its target (unknown counts as short). */
    public static boolean rateShort(Double achievedRps, double targetRate) {
        return achievedRps == null || achievedRps < targetRate * (1 - RATE_SHORT_FRACTION);
    }

    /** The first call planned after the ramp-up (its planned offset is on its load facts). */
    private static int afterRampUp(LevelPlan plan, LevelOutcome<CallRecord> outcome) {
        double rampMs = plan.rampUp().toNanos() / 1e6;
        List<CallRecord> calls = outcome.calls();
        for (int i = 0; i < calls.size(); i++) {
            Double planned = calls.get(i).scheduledOffsetMs();
            if (planned == null || planned >= rampMs) {
                return i;
            }
        }
        return calls.size();
    }

    public static LevelRecord of(String cellId, String promptId, LevelPlan plan, LevelOutcome<CallRecord> outcome) {
        boolean open = plan.mode() == LoadMode.OPEN;
        int errors = (int) outcome.calls().stream().filter(CallRecord::failed).count();
        long tokens = outcome.calls().stream().filter(call -> !call.failed())
                .mapToLong(call -> call.completionTokens() == null ? 0 : call.completionTokens()).sum();
        double wallSeconds = outcome.wallNanos() / 1e9;
        Double achieved = outcome.achievedRps(open, open ? afterRampUp(plan, outcome) : 0);
        Boolean rateShort = open ? rateShort(achieved, plan.targetRate()) : null;
        return LevelRecord.builder(cellId, promptId, plan.levelIdx()).loadMode(plan.mode())
                .concurrency(plan.concurrency()).targetRate(plan.targetRate()).requests(outcome.calls().size())
                .errors(errors).wallMs(Math.round(outcome.wallNanos() / 1e6)).achievedRps(achieved).rateShort(rateShort)
                .outputTokensPerSec(wallSeconds > 0 ? tokens / wallSeconds : null)
                .harnessCpuMs(Math.round(outcome.harnessCpuNanos() / 1e6)).plannedRequests(outcome.planned())
                .stoppedEarly(outcome.stoppedEarly()).build();
    }
}
