package org.inferbench.export.search;

import java.io.IOException;

/**
 * The store cannot be used as asked: a bad URL or prefix, credentials that would leak, a template that is
 * not ours, a run that is not there, an answer that makes no sense. The message is one line, fit to show
 * as is (server text in it is sanitized and bounded).
 */
public class SearchException extends IOException {

    private static final long serialVersionUID = 1L;

    public SearchException(String message) {
        super(message);
    }

    public SearchException(String message, Throwable cause) {
        super(message, cause);
    }
}
