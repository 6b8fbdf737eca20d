package org.disputehub.connector.petition;

/** A pushed petition the hub cannot use; the message names the element and is fit to send back (400). */
public class MalformedPetitionException extends RuntimeException {

    private final String element;

    public MalformedPetitionException(String element, String problem) {
        super(element + " " + problem);
        this.element = element;
    }

    /** The failing element, e.g. {@code XFRS} or {@code XFR[2]/XM}. */
    public String element() {
        return element;
    }
}
