package org.inferbench.call.internal;

/**
 * The inter-token gaps of one call, in milliseconds: percentiles are Hyndman-Fan type 7.
 * All null when fewer than two token-carrying events arrived.
 */
record GapSummary(Double p50Ms, Double p95Ms, Double maxMs) {

    static final GapSummary NONE = new GapSummary(null, null, null);
}
