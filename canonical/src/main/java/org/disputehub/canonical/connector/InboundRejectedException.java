package org.disputehub.canonical.connector;

/**
 * A pushed message the hub refuses: the HTTP status and body to answer with, and the reason to record.
 * Thrown by push routes; {@link InboundErrorPolicy} answers and records it.
 */
public class InboundRejectedException extends RuntimeException {

    private final String system;
    private final String ref;
    private final int status;
    private final String contentType;
    private final String responseBody;

    public InboundRejectedException(String system, String ref, int status, String contentType, String responseBody,
                                    String reason) {
        super(reason);
        this.system = system;
        this.ref = ref;
        this.status = status;
        this.contentType = contentType;
        this.responseBody = responseBody;
    }

    public String system() {
        return system;
    }

    public String ref() {
        return ref;
    }

    public int status() {
        return status;
    }

    public String contentType() {
        return contentType;
    }

    public String responseBody() {
        return responseBody;
    }
}
