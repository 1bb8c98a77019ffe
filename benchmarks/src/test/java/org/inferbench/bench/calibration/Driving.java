package org.inferbench.bench.calibration;

import okhttp3.OkHttpClient;

/** How a level's streams are started and kept going. */
enum Driving {

    /**
     * Threads of the calibration's own (issue 6): all released at once, each reading its streams one
     * after another. The least machinery between a thread and its stream.
     */
    THREADS {
        @Override
        LevelRunner runner(CalibrationEmitter emitter, OkHttpClient http) {
            return new LevelRun(emitter, http);
        }
    },

    /**
     * harness-core's {@code LevelDriver}, closed loop (issue 10): the code path of a user's
     * {@code --concurrency} run, with its worker pool, its per-call preparation and its CPU accounting.
     */
    LOAD_DRIVER {
        @Override
        LevelRunner runner(CalibrationEmitter emitter, OkHttpClient http) {
            return new DrivenLevelRun(emitter, http);
        }
    };

    /** @param http the run's one OkHttpClient (a load slot builds its own from it) */
    abstract LevelRunner runner(CalibrationEmitter emitter, OkHttpClient http);
}
