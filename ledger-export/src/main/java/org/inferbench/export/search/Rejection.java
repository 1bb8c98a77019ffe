package org.inferbench.export.search;

/**
 * A ledger line that did not reach the store, and why: printed as {@code file:line: reason}, the form
 * editors and CI annotators turn into links.
 *
 * @param reason the store's reason (sanitized, bounded) or what kept failing
 */
public record Rejection(String file, int line, String reason) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + reason;
    }
}
