package org.inferbench.bench.state;

import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;

/**
 * The fork side of {@link CallRecordRelay}: attaches the iteration's call record to the iteration's
 * result. Always added by the harness's main; not meant for {@code -prof}.
 */
public final class CallRecordProfiler implements InternalProfiler {

    @Override
    public String getDescription() {
        return "inferbench: relays each call's ledger line to the harness (always on)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        CallRecordRelay.clear();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
                                                       IterationParams iterationParams, IterationResult result) {
        return CallRecordRelay.take().map(List::of).orElse(List.of());
    }
}
