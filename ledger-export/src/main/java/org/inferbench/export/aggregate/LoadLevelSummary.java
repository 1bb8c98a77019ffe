package org.inferbench.export.aggregate;

import org.inferbench.record.LoadMode;

/**
 * One cell × prompt × load level, aggregated (issue Load; SPEC section 12). Latencies in milliseconds over the
 * calls that did not fail; null where nothing was measured.
 *
 * @param achievedRps        from the level line: open, the rate calls left at; closed, completed calls per second
 * @param rateShort          open: achieved more than 5 % under target (the level did not deliver its load)
 * @param ttftSend           first_delta_ms from the actual send: what the server did
 * @param ttftSchedule       first_delta_ms + send_lag_ms: what a user who arrived on schedule waited (coordinated
 *                           omission corrected); the same as from the send in a closed loop
 * @param itl                p50 over calls of each call's median gap, p99 over calls of each call's p95 gap: the
 *                           ledger keeps per-call gap summaries, not every gap
 * @param goodputShare       share of the calls sent that met every SLO; null without an SLO
 * @param goodputRps         those calls per second of the level's wall time; null without an SLO
 * @param routed             true when the level's calls went through the routing gateway (mode B): a run on both
 *                           routes has a direct and a routed level of each index
 */
public record LoadLevelSummary(String cellId, String promptId, int levelIdx, LoadMode mode, Integer concurrency,
                               Double targetRate, int requests, int errors, Double achievedRps, Boolean rateShort,
                               Double outputTokensPerSec, Long wallMs, Long harnessCpuMs, String stoppedEarly,
                               Tail ttftSend, Tail ttftSchedule, Tail tpot, Tail itl, Tail endToEnd,
                               Double goodputShare, Double goodputRps, boolean routed) {

    /** A direct level. */
    public LoadLevelSummary(String cellId, String promptId, int levelIdx, LoadMode mode, Integer concurrency,
                            Double targetRate, int requests, int errors, Double achievedRps, Boolean rateShort,
                            Double outputTokensPerSec, Long wallMs, Long harnessCpuMs, String stoppedEarly,
                            Tail ttftSend, Tail ttftSchedule, Tail tpot, Tail itl, Tail endToEnd,
                            Double goodputShare, Double goodputRps) {
        this(cellId, promptId, levelIdx, mode, concurrency, targetRate, requests, errors, achievedRps, rateShort,
                outputTokensPerSec, wallMs, harnessCpuMs, stoppedEarly, ttftSend, ttftSchedule, tpot, itl, endToEnd,
                goodputShare, goodputRps, false);
    }

    /** The prompt as a report names the level: "P-EASY", or "P-EASY (routed)" for a level through the gateway. */
    public String promptLabel() {
        return routed ? promptId + " (routed)" : promptId;
    }

    /** The success rate of SPEC section 4, over the level's calls. */
    public Double successRate() {
        return requests == 0 ? null : (requests - errors) / (double) requests;
    }

    /** The percentiles a load table shows; any may be null (nothing measured). */
    public record Tail(Double p50, Double p95, Double p99) {
    }
}
