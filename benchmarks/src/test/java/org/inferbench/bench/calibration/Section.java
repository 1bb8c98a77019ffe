package org.inferbench.bench.calibration;

import java.util.List;

/**
 * One table of the calibration: its levels, each run by every one of its clients, driven one way.
 *
 * @param warmUp run once per client before the levels and thrown away, so that the JIT has compiled
 *               the reading and parsing paths before anything counts; each level also runs one
 *               discarded stream per thread or slot first (see {@link CalibrationRun})
 */
record Section(String title, Driving driving, List<ClientKind> clients, Level warmUp, List<Level> levels) {

    Section {
        clients = List.copyOf(clients);
        levels = List.copyOf(levels);
    }

    int mostConcurrency() {
        return Math.max(warmUp.concurrency(), levels.stream().mapToInt(Level::concurrency).max().orElse(1));
    }
}
