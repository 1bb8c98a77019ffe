package org.inferbench.record;

/**
 * What a load call's ledger line says about how it was sent (SPEC section 12), known when it leaves.
 *
 * @param concurrency       closed: the level's worker count; open: calls in flight when this one left, itself
 *                          included
 * @param targetRate        open: the level's requests per second; closed: null
 * @param scheduledOffsetMs open: the planned send, from the level's start; closed: null
 * @param sendLagMs         open: actual send minus planned send (never below 0); closed: null. Latency from the
 *                          schedule, as a user who arrived on time felt it, is {@code first_delta_ms + send_lag_ms}
 */
public record LoadFacts(LoadMode loadMode, int levelIdx, int concurrency, Double targetRate, Double scheduledOffsetMs,
                        Double sendLagMs) {
}
