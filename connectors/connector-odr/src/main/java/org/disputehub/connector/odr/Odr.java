package org.disputehub.connector.odr;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/** Names and formats of the ODR contract (docs/interfaces/odr.md) and of the connector's records in the store. */
public final class Odr {

    /** The system name in the canonical model, the relay queue name and the audit log. */
    public static final String SYSTEM = "ODR";
    /** The connector's name in metrics and logs. */
    public static final String CONNECTOR = "odr";
    /** The canonical channel of cases that arrive as webhooks. */
    public static final String CHANNEL = "WEBHOOK";
    /** The push endpoint of the contract. */
    public static final String WEBHOOK_PATH = "/api/inbound/odr";
    /** The webhook signature header. */
    public static final String SIGNATURE_HEADER = "ODR-Signature";
    /** Store namespace: webhook event ids already handled (version = the hub case id answered, or "-"). */
    public static final String EVENTS = "ODR-EVENT";
    /** Store namespace: mediations the hub handed to ODR (source id = ODR disputeId, case id = hub case). */
    public static final String MEDIATIONS = "ODR-MEDIATION";
    /** Store namespace: dispatch orders already accepted by ODR (source id = caseId:dispatchNo, version = disputeId). */
    public static final String DISPATCHES = "ODR-DISPATCH";
    /** Store namespace: the department a hub case is assigned to, as last seen by this connector (source id = caseId). */
    public static final String ASSIGNEES = "ODR-ASSIGNEE";
    /** The channel name of the department route template {@code dispatch-odr}. */
    public static final String DEPT_CHANNEL = "odr";
    /** ODR times are ISO-8601 with the +08:00 offset. */
    public static final ZoneOffset OFFSET = ZoneOffset.ofHours(8);
    /** Times sent to ODR, to the second, as in the contract: {@code 2026-11-22T10:20:00+08:00}. */
    public static final DateTimeFormatter WIRE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
    public static final String JSON = "application/json";

    /** The dispute statuses ODR takes. */
    public static final Set<String> STATUSES = Set.of("ACCEPTED", "ASSIGNED", "IN_PROGRESS", "RESOLVED", "UNRESOLVED", "CLOSED");

    private Odr() {
    }
}
