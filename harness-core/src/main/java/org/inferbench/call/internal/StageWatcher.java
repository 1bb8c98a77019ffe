package org.inferbench.call.internal;

import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;

/**
 * Follows one call through OkHttp's events so that a failure can say where it happened: a socket
 * timeout while connecting is a connect timeout, the same exception after the connection was
 * acquired is a read timeout. Only the stage is kept; nothing here is timed.
 */
final class StageWatcher extends EventListener {

    private volatile CallStage stage = CallStage.CONNECTING;

    @Override
    public void secureConnectStart(Call call) {
        stage = CallStage.TLS_HANDSHAKE;
    }

    @Override
    public void connectionAcquired(Call call, Connection connection) {
        stage = CallStage.AWAITING_RESPONSE;
    }

    void headersReceived() {
        stage = CallStage.STREAMING;
    }

    CallStage stage() {
        return stage;
    }
}
