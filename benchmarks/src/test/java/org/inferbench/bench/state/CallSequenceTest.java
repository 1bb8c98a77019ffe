package org.inferbench.bench.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.inferbench.bench.state.CallSequence.Step;
import org.inferbench.record.Phase;
import org.junit.jupiter.api.Test;

class CallSequenceTest {

    @Test
    void batchWithColdCallStartsColdThenCountsWarmCallsFromZero() {
        CallSequence sequence = new CallSequence(true);

        List<Step> steps = IntStream.range(0, 4).mapToObj(i -> sequence.next()).toList();

        assertEquals(List.of(new Step(Phase.COLD, 0), new Step(Phase.WARM, 0), new Step(Phase.WARM, 1),
                new Step(Phase.WARM, 2)), steps);
    }

    @Test
    void batchWithoutColdCallIsWarmOnly() {
        CallSequence sequence = new CallSequence(false);

        List<Step> steps = IntStream.range(0, 2).mapToObj(i -> sequence.next()).toList();

        assertEquals(List.of(new Step(Phase.WARM, 0), new Step(Phase.WARM, 1)), steps);
    }
}
