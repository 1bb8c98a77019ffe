package org.inferbench.bench.calibration;

import okhttp3.OkHttpClient;

/**
 * The clients a level runs: the harness (on threads of the calibration's own, or on the load path's
 * slots), and the floor it is compared with.
 */
enum ClientKind {

    HARNESS("harness") {
        @Override
        StreamClient open(CalibrationEmitter emitter, OkHttpClient http) {
            return new HarnessStreamClient(http, emitter.baseUrl(), emitter.schedule());
        }
    },

    /**
     * The harness as a load run uses it: a client and a one-connection pool per slot, and a fresh
     * connection warmed before every call (see {@link LoadSlotStreamClient}). Meant for
     * {@link Driving#LOAD_DRIVER}, whose slots it stands for.
     */
    LOAD_PATH("harness, load path") {
        @Override
        StreamClient open(CalibrationEmitter emitter, OkHttpClient http) {
            return new LoadSlotStreamClient(http, emitter, emitter.schedule());
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

    /**
     * A client for one thread or slot; {@code http} is the run's one OkHttpClient, used by the harness
     * as it is and by the load path as the base of each slot's own client.
     */
    abstract StreamClient open(CalibrationEmitter emitter, OkHttpClient http);
}
