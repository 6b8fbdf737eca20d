package org.disputehub.connector.odr;

/**
 * A webhook event the hub does not take, with the HTTP status to answer, the field at fault (a dotted path such
 * as {@code data.claimAmount}, {@code $} for the whole body) and the problem. The platform sends it again later.
 */
public class EventRefusedException extends RuntimeException {

    private final int status;
    private final String field;
    private final String problem;

    public EventRefusedException(int status, String field, String problem) {
        super(field + ": " + problem);
        this.status = status;
        this.field = field;
        this.problem = problem;
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
