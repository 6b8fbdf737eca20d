package org.disputehub.connector.labor;

/**
 * A batch that cannot be read as a whole (not GBK, wrong header, broken CSV, a runaway row): it goes to the
 * error directory with its reason, and none of its rows is taken in. The message is safe for a log line; the
 * {@link #reason()} may add what was found in the file (a "header" that is really a row with personal data), so
 * it goes only to {@code {batch}.error.txt} and the audit log.
 */
public class UnreadableBatchException extends RuntimeException {

    private final String detail;

    public UnreadableBatchException(String message) {
        this(message, null);
    }

    public UnreadableBatchException(String message, String detail) {
        super(message);
        this.detail = detail;
    }

    /** The whole reason: the message and, if any, what was found in the file. */
    public String reason() {
        return detail == null ? getMessage() : getMessage() + ": " + detail;
    }
}
