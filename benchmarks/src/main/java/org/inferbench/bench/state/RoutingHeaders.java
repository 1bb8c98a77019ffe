package org.inferbench.bench.state;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Routed mode (mode B, SPEC section 9): every request through the gateway says it is benchmark
 * traffic and which call it is, so the gateway's dashboards can filter it out.
 */
record RoutingHeaders(String benchmarkRunId, String harnessVersion) {

    RoutingHeaders {
        Objects.requireNonNull(benchmarkRunId, "benchmarkRunId");
        Objects.requireNonNull(harnessVersion, "harnessVersion");
    }

    /**
     * @param phase  {@code cold}, {@code warm}, or {@code prime} for the untimed call that makes a
     *               batch without a cold call start warm
     */
    Map<String, String> forCall(String cellId, String promptId, String phase, int runIdx) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Weeyuga-Test", "true");
        headers.put("X-Weeyuga-Benchmark-Run-Id", benchmarkRunId);
        headers.put("X-Weeyuga-Benchmark-Cell-Id", cellId);
        headers.put("X-Weeyuga-Benchmark-Prompt-Id", promptId);
        headers.put("X-Weeyuga-Benchmark-Phase", phase);
        headers.put("X-Weeyuga-Benchmark-Run-Idx", Integer.toString(runIdx));
        headers.put("X-Weeyuga-Benchmark-Harness-Version", harnessVersion);
        return headers;
    }
}
