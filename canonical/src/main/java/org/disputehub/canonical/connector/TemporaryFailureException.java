package org.disputehub.canonical.connector;

/** A failure worth retrying with back-off (busy, rate limited, 5xx, timeout). */
public class TemporaryFailureException extends RuntimeException {

    public TemporaryFailureException(String message) {
        super(message);
    }

    public TemporaryFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
