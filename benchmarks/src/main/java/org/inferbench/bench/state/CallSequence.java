package org.inferbench.bench.state;

import org.inferbench.record.Phase;

/**
 * The order of a batch's calls (SPEC section 3): the cold call first when the cell has one, then the
 * warm calls, numbered from 0. It knows nothing of N: the host sets JMH's iteration count to N + 1
 * (or N), and every iteration asks for the next step.
 */
final class CallSequence {

    /** One call's place in its batch. */
    record Step(Phase phase, int runIdx) {
    }

    private final boolean cold;
    private int calls;

    CallSequence(boolean cold) {
        this.cold = cold;
    }

    Step next() {
        int index = calls++;
        if (cold) {
            return index == 0 ? new Step(Phase.COLD, 0) : new Step(Phase.WARM, index - 1);
        }
        return new Step(Phase.WARM, index);
    }
}
