package org.inferbench.export.read;

import java.io.IOException;

/** An input that is neither a ledger nor usable JMH results; the message names the source and says what is wrong. */
public class InputFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public InputFormatException(String source, String message) {
        super(source + ": " + message);
    }

    public InputFormatException(String source, String message, Throwable cause) {
        super(source + ": " + message, cause);
    }
}
