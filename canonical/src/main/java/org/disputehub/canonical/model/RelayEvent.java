package org.disputehub.canonical.model;

/**
 * What the hub puts on {@code HUB.RELAY.{SYSTEM}}: a status change of a case, with the origin's own
 * id for the case and the department handling it, so the connector needs no lookup.
 */
public record RelayEvent(StatusEvent event, String system, String sourceId, String deptCode, String deptName) {
}
