package org.disputehub.connector.alarm110;

/** A feedback call to the 110 platform that did not succeed, classified as the contract classifies replies. */
public class Alarm110CallException extends RuntimeException {

    /** What went wrong, in the contract's terms. */
    public enum Failure {
        /** CODE 1001: unknown JQBH — permanent. */
        UNKNOWN_INCIDENT(true),
        /** CODE 1002: malformed feedback — permanent. */
        MALFORMED_FEEDBACK(true),
        /** CODE 1500: busy — retry with back-off. */
        BUSY(false),
        /** another non-zero CODE — retried, then parked. */
        OTHER_CODE(false),
        /** HTTP 4xx other than 408 and 429 (bad key, wrong path): retrying cannot help — permanent. */
        HTTP_REFUSED(true),
        /** HTTP 5xx, 408, 429 or another non-200 status — retry. */
        HTTP_STATUS(false),
        /** timeout, refused connection, reset — retry. */
        UNAVAILABLE(false),
        /** HTTP 200 whose body is not the contract's {@code <FKJG>} reply (a gateway page?) — retry. */
        BAD_REPLY(false);

        private final boolean permanent;

        Failure(boolean permanent) {
            this.permanent = permanent;
        }

        public boolean permanent() {
            return permanent;
        }

        static Failure ofCode(int code) {
            return switch (code) {
                case 1001 -> UNKNOWN_INCIDENT;
                case 1002 -> MALFORMED_FEEDBACK;
                case 1500 -> BUSY;
                default -> OTHER_CODE;
            };
        }

        static Failure ofHttpStatus(int status) {
            return status >= 400 && status < 500 && status != 408 && status != 429 ? HTTP_REFUSED : HTTP_STATUS;
        }
    }

    private final Failure failure;
    private final int code;

    public Alarm110CallException(Failure failure, int code, String message, Throwable cause) {
        super(message, cause);
        this.failure = failure;
        this.code = code;
    }

    public Failure failure() {
        return failure;
    }

    /** The reply's CODE, the HTTP status for HTTP failures, else 0. */
    public int code() {
        return code;
    }
}
