package org.inferbench.sample;

/** An answer is not the format its source speaks (an HTML page, JSON of another shape): the endpoint is not there. */
public final class SampleFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    public SampleFormatException(String message) {
        super(message);
    }
}
