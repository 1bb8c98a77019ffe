package org.inferbench.export.aggregate;

import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.util.ResizableDoubleArray;
import org.inferbench.record.CallRecord;

/**
 * The values of warm calls, kept as primitive arrays rather than records so that a ledger of a million
 * calls aggregates in a few tens of megabytes.
 */
final class WarmSamples {

    private int calls;
    private int errors;
    private final ResizableDoubleArray firstDeltaMs = new ResizableDoubleArray();
    private final ResizableDoubleArray totalDurationMs = new ResizableDoubleArray();
    private final ResizableDoubleArray completionTokens = new ResizableDoubleArray();
    private final ResizableDoubleArray tokensPerSec = new ResizableDoubleArray();

    void add(CallRecord call) {
        calls++;
        if (call.failed()) {
            errors++;
            return;
        }
        addIfKnown(firstDeltaMs, call.firstDeltaMs());
        addIfKnown(totalDurationMs, call.totalDurationMs());
        addIfKnown(completionTokens, call.completionTokens());
        addIfKnown(tokensPerSec, call.tokensPerSec());
    }

    /** Pools another batch's samples into these (a cell across its prompts). */
    void addAll(WarmSamples other) {
        calls += other.calls;
        errors += other.errors;
        firstDeltaMs.addElements(other.firstDeltaMs.getElements());
        totalDurationMs.addElements(other.totalDurationMs.getElements());
        completionTokens.addElements(other.completionTokens.getElements());
        tokensPerSec.addElements(other.tokensPerSec.getElements());
    }

    WarmSummary summarize() {
        double[] firstDelta = firstDeltaMs.getElements();
        double[] totalDuration = totalDurationMs.getElements();
        double[] rates = tokensPerSec.getElements();
        return new WarmSummary(calls, errors, Quantiles.of(firstDelta), Quantiles.of(totalDuration),
                Quantiles.of(completionTokens.getElements()).p50(), StatUtils.mean(rates),
                WarmValues.sorting(firstDelta, totalDuration, rates));
    }

    private static void addIfKnown(ResizableDoubleArray values, Number value) {
        if (value != null) {
            values.addElement(value.doubleValue());
        }
    }
}
