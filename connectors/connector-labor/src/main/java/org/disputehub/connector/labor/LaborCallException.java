package org.disputehub.connector.labor;

/** A progress post the labor system did not take, classified as the contract classifies replies. */
public class LaborCallException extends RuntimeException {

    /** What went wrong, in the contract's terms. */
    public enum Failure {
        /** 404: the complaint is unknown there — permanent. */
        UNKNOWN_COMPLAINT(true),
        /** another 4xx than 404, 408 and 429 (bad request, bad API key) — permanent until someone fixes it. */
        REFUSED(true),
        /** 5xx, 408, 429, a timeout, a refused connection — temporary. */
        UNAVAILABLE(false),
        /** 200 whose body is not {@code {"ok": true}} — temporary. */
        BAD_REPLY(false);

        private final boolean permanent;

        Failure(boolean permanent) {
            this.permanent = permanent;
        }

        public boolean permanent() {
            return permanent;
        }
    }

    private final Failure failure;
    private final int status;

    public LaborCallException(Failure failure, int status, String message, Throwable cause) {
        super(message, cause);
        this.failure = failure;
        this.status = status;
    }

    public Failure failure() {
        return failure;
    }

    /** The HTTP status, 0 when there was no reply. */
    public int status() {
        return status;
    }
}
