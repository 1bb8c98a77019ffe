package org.inferbench.bench.calibration;

/** Runs one {@link Level} for one client and pairs what it read with what the emitter wrote. */
interface LevelRunner {

    /** @param runName prefix of the level's stream ids, unique within the emitter's life */
    LevelResult run(Level level, ClientKind kind, String runName) throws InterruptedException;
}
