package org.inferbench.export.publish;

import java.io.IOException;

/**
 * A ledger that reads but cannot be published as it is: its run id cannot name a folder, or a cell
 * id in it is not {@code <node>:<engine>:<model>}. An {@link IOException} because, like a malformed
 * file, it is the input's fault and the user's to fix, not a bug.
 */
public final class UnpublishableRunException extends IOException {

    private static final long serialVersionUID = 1L;

    public UnpublishableRunException(String message, Throwable cause) {
        super(message, cause);
    }
}
