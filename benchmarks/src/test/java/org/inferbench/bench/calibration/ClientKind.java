package org.inferbench.bench.calibration;

import okhttp3.OkHttpClient;

/** The two clients every level runs: the harness, and the floor it is compared with. */
enum ClientKind {

    HARNESS("harness") {
        @Override
        StreamClient open(CalibrationEmitter emitter, OkHttpClient http) {
            return new HarnessStreamClient(http, emitter.baseUrl(), emitter.schedule());
        }
    },

    RAW_SOCKET("raw socket") {
        @Override
        StreamClient open(CalibrationEmitter emitter, OkHttpClient http) {
            return new RawSocketStreamClient(emitter.port(), emitter.schedule());
        }
    };

    private final String label;

    ClientKind(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** A client for one thread; {@code http} is the run's one OkHttpClient, used by the harness only. */
    abstract StreamClient open(CalibrationEmitter emitter, OkHttpClient http);
}
