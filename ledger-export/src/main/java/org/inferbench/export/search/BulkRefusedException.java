package org.inferbench.export.search;

/**
 * The store refused a {@code _bulk} request as a whole with an answer that retrying cannot change (401, 403,
 * 400, 413...), or failed it whole on every attempt (unavailable): shipping stops there, and what was
 * shipped stays shipped.
 */
public final class BulkRefusedException extends SearchException {

    private static final long serialVersionUID = 1L;

    BulkRefusedException(String message) {
        super(message);
    }
}
