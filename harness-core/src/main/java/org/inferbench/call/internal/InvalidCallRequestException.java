package org.inferbench.call.internal;

/**
 * A {@link org.inferbench.call.CallRequest} that cannot become an HTTP request. The message is
 * written by the harness and never quotes the endpoint, a header value or a token.
 */
final class InvalidCallRequestException extends Exception {

    private static final long serialVersionUID = 1L;

    InvalidCallRequestException(String message) {
        super(message);
    }
}
