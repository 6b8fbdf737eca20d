package org.disputehub.connector.hotline12345;

/** A work-order record the hub cannot accept; names the offending field. The message never carries personal data. */
public class MalformedWorkOrderException extends RuntimeException {

    private final String field;

    public MalformedWorkOrderException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    /** The record field that is missing or wrong, as the contract names it ({@code record} for the whole record). */
    public String field() {
        return field;
    }
}
