package org.inferbench.call.internal;

/** How far a call got; it decides what a timeout or a closed connection means. */
enum CallStage {
    /** Resolving the host and opening the TCP connection (connect timeout applies). */
    CONNECTING,
    /** The TLS handshake (read timeout applies). */
    TLS_HANDSHAKE,
    /** A connection is held; the request is being sent or the headers awaited (prefill happens here). */
    AWAITING_RESPONSE,
    /** The headers arrived; the body is being read. */
    STREAMING
}
