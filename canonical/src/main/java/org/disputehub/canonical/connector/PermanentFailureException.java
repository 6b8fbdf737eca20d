package org.disputehub.canonical.connector;

/**
 * A failure that retrying cannot fix (unknown id at the far end, malformed message, rejected
 * credentials): the error policy parks the message at once, with this message as the reason.
 */
public class PermanentFailureException extends RuntimeException {

    public PermanentFailureException(String message) {
        super(message);
    }

    public PermanentFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
