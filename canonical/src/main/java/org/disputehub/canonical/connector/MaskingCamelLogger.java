package org.disputehub.canonical.connector;

import org.apache.camel.LoggingLevel;
import org.apache.camel.spi.CamelLogger;
import org.disputehub.canonical.codec.Masking;

/**
 * The logger of the shared error policy: Camel's lines about failed deliveries quote the exception message, which
 * may carry a phone or ID number from the message; this logger masks them ({@link Masking#text}) in the line and in
 * every message of the exception chain, keeping the stack frames.
 */
public class MaskingCamelLogger extends CamelLogger {

    public MaskingCamelLogger(String logName) {
        super(logName);
    }

    @Override
    public void log(String message, LoggingLevel loggingLevel) {
        super.log(Masking.text(message), loggingLevel);
    }

    @Override
    public void log(String message) {
        super.log(Masking.text(message));
    }

    @Override
    public void doLog(String message) {
        super.doLog(Masking.text(message));
    }

    @Override
    public void log(String message, Throwable exception, LoggingLevel loggingLevel) {
        super.log(Masking.text(message), masked(exception), loggingLevel);
    }

    @Override
    public void log(String message, Throwable exception) {
        super.log(Masking.text(message), masked(exception));
    }

    /** A copy of the exception chain whose messages are masked, with the original stack frames. */
    static Throwable masked(Throwable t) {
        return t == null ? null : masked(t, 0);
    }

    private static Throwable masked(Throwable t, int depth) {
        Throwable cause = t.getCause() != null && t.getCause() != t && depth < 20 ? masked(t.getCause(), depth + 1) : null;
        Throwable copy = new MaskedException(t.getClass().getName(), Masking.text(t.getMessage()), cause);
        copy.setStackTrace(t.getStackTrace());
        return copy;
    }

    /** Prints as the original would ({@code class: message}), with the message masked. */
    static final class MaskedException extends RuntimeException {

        private final String type;

        MaskedException(String type, String message, Throwable cause) {
            super(message, cause, false, true);
            this.type = type;
        }

        @Override
        public String toString() {
            return getMessage() == null ? type : type + ": " + getMessage();
        }
    }
}
