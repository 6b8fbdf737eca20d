package org.disputehub.connector.alarm110;

/**
 * A 110 message the hub cannot accept; names the offending element as the contract names it ({@code JQBH},
 * {@code BJSJ} …), or {@code MsgType}, {@code XML} (not well-formed, DOCTYPE), {@code encoding} or
 * {@code body} (size) for the message as a whole. The message never carries personal data.
 */
public class MalformedAlarmException extends RuntimeException {

    private final String element;

    public MalformedAlarmException(String element, String problem) {
        super(element + ": " + problem);
        this.element = element;
    }

    /** The element (or message part) that is missing or wrong. */
    public String element() {
        return element;
    }
}
