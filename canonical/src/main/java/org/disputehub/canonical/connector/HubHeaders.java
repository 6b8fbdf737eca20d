package org.disputehub.canonical.connector;

/** Message headers that are part of the connector ↔ hub contract. */
public final class HubHeaders {

    /** The hub case id, on every message about a case. */
    public static final String CASE_ID = "caseId";
    /** JMS message groups keep the messages of one case in order. */
    public static final String GROUP_ID = "JMSXGroupID";
    /** On a parked message: why it was parked. */
    public static final String PARK_REASON = "HubParkReason";
    /** On a parked message: the queue it was taken from (replay puts it back there). */
    public static final String PARKED_FROM = "HubParkedFrom";
    /** On a parked message: when it was parked (ISO-8601). */
    public static final String PARKED_AT = "HubParkedAt";

    private HubHeaders() {
    }
}
