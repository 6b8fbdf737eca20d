package org.disputehub.connector.odr;

/** A malformed webhook event: answered {@code 400 {"error": …, "field": …}}. */
public class MalformedEventException extends EventRefusedException {

    public MalformedEventException(String field, String problem) {
        super(400, field, problem);
    }
}
