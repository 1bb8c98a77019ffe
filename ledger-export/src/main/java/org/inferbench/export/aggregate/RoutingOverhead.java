package org.inferbench.export.aggregate;

import java.util.List;

/**
 * What the routing gateway costs one cell and prompt (mode B, SPEC section 9): its warm calls sent straight to the
 * engine beside those sent through the gateway in the same run. Same engine, same model, same prompt, same hour:
 * what differs is the route.
 *
 * @param backends the gateway's {@code X-Weeyuga-Backend} answers on the routed calls, in the order first seen;
 *                 empty when it sent none
 * @param direct   the warm calls sent straight to the engine
 * @param routed   the warm calls sent through the gateway
 * @param notRouted why the routed batch was not run (its gateway variable unset); null when it ran
 */
public record RoutingOverhead(String cellId, String promptId, List<String> backends, WarmSummary direct,
                              WarmSummary routed, String notRouted) {

    public RoutingOverhead {
        backends = List.copyOf(backends);
    }

    /** Routed minus direct {@code first_delta_ms} p50; NaN when a side has no value. */
    public double firstDeltaOverheadMs() {
        return routed.firstDeltaMs().p50() - direct.firstDeltaMs().p50();
    }

    /** Routed minus direct {@code total_duration_ms} p50: SPEC section 9's routing overhead; NaN when a side has none. */
    public double totalDurationOverheadMs() {
        return routed.totalDurationMs().p50() - direct.totalDurationMs().p50();
    }
}
