package org.disputehub.connector.petition;

/** A status POST the platform did not accept; {@link #permanent()} when sending it again cannot help. */
public class PetitionCallException extends RuntimeException {

    private final int status;
    private final boolean permanent;

    public PetitionCallException(int status, boolean permanent, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.permanent = permanent;
    }

    /** The HTTP status, 0 when there was no reply. */
    public int status() {
        return status;
    }

    public boolean permanent() {
        return permanent;
    }
}
