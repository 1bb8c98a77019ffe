package org.inferbench.export.aggregate;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.math3.util.ResizableDoubleArray;
import org.inferbench.record.CallRecord;
import org.inferbench.record.Phase;

/** One batch's client and engine times, as the calls stream by ({@link ClientServerSummary}). */
final class ClientServerAccumulator {

    /** The values of one group of calls (the cold one, or the warm ones); NaN where a call lacks one. */
    private static final class Values {
        private final Set<String> engines = new TreeSet<>();
        private final ResizableDoubleArray firstDelta = new ResizableDoubleArray();
        private final ResizableDoubleArray enginePrompt = new ResizableDoubleArray();
        private final ResizableDoubleArray promptGap = new ResizableDoubleArray();
        private final ResizableDoubleArray totalDuration = new ResizableDoubleArray();
        private final ResizableDoubleArray engineTotal = new ResizableDoubleArray();
        private final ResizableDoubleArray totalGap = new ResizableDoubleArray();
        private int n;

        void add(CallRecord call, EngineTimings engine) {
            n++;
            engines.add(engine.engine().label());
            pair(call.firstDeltaMs(), engine.promptMs(), firstDelta, enginePrompt, promptGap);
            pair(call.totalDurationMs(), engine.totalMs(), totalDuration, engineTotal, totalGap);
        }

        ClientServerSummary.Gap summarize() {
            if (n == 0) {
                return null;
            }
            return new ClientServerSummary.Gap(String.join(" + ", engines), n, p50(firstDelta), p50(enginePrompt),
                    p50(promptGap), p50(totalDuration), p50(engineTotal), p50(totalGap));
        }

        private static void pair(Long client, Double engine, ResizableDoubleArray clients,
                                 ResizableDoubleArray engines, ResizableDoubleArray gaps) {
            if (client != null) {
                clients.addElement(client);
            }
            if (engine != null) {
                engines.addElement(engine);
            }
            if (client != null && engine != null) {
                gaps.addElement(client - engine);
            }
        }

        private static double p50(ResizableDoubleArray values) {
            return Quantiles.of(values.getElements()).p50();
        }
    }

    private final String cellId;
    private final String promptId;
    private boolean coldSeen;
    private final Values cold = new Values();
    private final Values warm = new Values();

    ClientServerAccumulator(String cellId, String promptId) {
        this.cellId = cellId;
        this.promptId = promptId;
    }

    /** A sequential call of the batch, by its phase. */
    void add(CallRecord call) {
        if (call.phase() == Phase.COLD) {
            cold(call);
        } else {
            warm(call);
        }
    }

    /** The first cold call counts, as in the batch's cold table; a failed one has nothing to compare. */
    private void cold(CallRecord call) {
        if (coldSeen) {
            return;
        }
        coldSeen = true;
        if (!call.failed()) {
            EngineTimings.of(call.serverTimings(), true).ifPresent(engine -> cold.add(call, engine));
        }
    }

    private void warm(CallRecord call) {
        if (!call.failed()) {
            EngineTimings.of(call.serverTimings(), false).ifPresent(engine -> warm.add(call, engine));
        }
    }

    /** Empty when no call of the batch carried engine timings. */
    Optional<ClientServerSummary> summarize() {
        ClientServerSummary.Gap coldGap = cold.summarize();
        ClientServerSummary.Gap warmGap = warm.summarize();
        return coldGap == null && warmGap == null ? Optional.empty()
                : Optional.of(new ClientServerSummary(cellId, promptId, coldGap, warmGap));
    }
}
