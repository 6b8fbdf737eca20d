package org.disputehub.connector.hotline12345;

/** A call to the hotline platform that did not succeed, classified as the contract classifies replies. */
public class Hotline12345CallException extends RuntimeException {

    /** What went wrong, in the contract's terms. */
    public enum Failure {
        /** code 4001: signature invalid — a configuration error (key, secret or clock). */
        SIGNATURE_REJECTED,
        /** code 4290: rate limited — back off. */
        RATE_LIMITED,
        /** code 5000: server error — retry. */
        SERVER_ERROR,
        /** code 4004: unknown orderNo — permanent for feedback. */
        UNKNOWN_ORDER,
        /** another non-zero code. */
        OTHER_CODE,
        /** HTTP status other than 200 (5xx, a gateway's 4xx). */
        HTTP_STATUS,
        /** timeout, refused connection, reset. */
        UNAVAILABLE,
        /** HTTP 200 whose body is not the contract's JSON reply. */
        BAD_REPLY;

        static Failure ofCode(int code) {
            return switch (code) {
                case 4001 -> SIGNATURE_REJECTED;
                case 4290 -> RATE_LIMITED;
                case 5000 -> SERVER_ERROR;
                case 4004 -> UNKNOWN_ORDER;
                default -> OTHER_CODE;
            };
        }
    }

    private final Failure failure;
    private final int code;

    public Hotline12345CallException(Failure failure, int code, String message, Throwable cause) {
        super(message, cause);
        this.failure = failure;
        this.code = code;
    }

    public Failure failure() {
        return failure;
    }

    /** The reply's {@code code}, the HTTP status for {@link Failure#HTTP_STATUS}, else 0. */
    public int code() {
        return code;
    }
}
