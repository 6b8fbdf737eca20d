package org.disputehub.connector.zhengding;

/** A call to the Zhengding platform that did not succeed, classified as the contract classifies replies. */
public class ZhengdingCallException extends RuntimeException {

    /** What went wrong, in the contract's terms. */
    public enum Failure {
        /** errcode 40014 / 42001: the access token is invalid or expired — renew once and retry once. */
        TOKEN_REJECTED,
        /** errcode 90018 / 90006: rate limited — back off and retry. */
        RATE_LIMITED,
        /** errcode 33012: a user id in userid_list is invalid — permanent, park and alert. */
        INVALID_USER,
        /** any other non-zero errcode — permanent. */
        OTHER_CODE,
        /** gettoken did not give a token (non-zero errcode or no access_token). */
        TOKEN_UNAVAILABLE,
        /** HTTP status other than 200. */
        HTTP_STATUS,
        /** timeout, refused connection, reset. */
        UNAVAILABLE,
        /** HTTP 200 whose body is not the contract's JSON reply. */
        BAD_REPLY;

        static Failure ofCode(int errcode) {
            return switch (errcode) {
                case 40014, 42001 -> TOKEN_REJECTED;
                case 90018, 90006 -> RATE_LIMITED;
                case 33012 -> INVALID_USER;
                default -> OTHER_CODE;
            };
        }

        /** True for the failures that retrying later can cure. */
        public boolean temporary() {
            return this == TOKEN_REJECTED || this == RATE_LIMITED || this == TOKEN_UNAVAILABLE || this == HTTP_STATUS
                    || this == UNAVAILABLE || this == BAD_REPLY;
        }
    }

    private final Failure failure;
    private final int code;

    public ZhengdingCallException(Failure failure, int code, String message, Throwable cause) {
        super(message, cause);
        this.failure = failure;
        this.code = code;
    }

    public Failure failure() {
        return failure;
    }

    /** The reply's {@code errcode}, the HTTP status for {@link Failure#HTTP_STATUS}, else 0. */
    public int code() {
        return code;
    }
}
