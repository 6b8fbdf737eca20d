package org.disputehub.hub.ops;

/**
 * One parked message as an operator sees it: no body, no personal data (the reason was masked when it was parked).
 *
 * @param messageId the JMS message id on the DLQ, the handle for replaying it
 * @param caseId    the case it is about, if any
 * @param size      body size in bytes
 */
public record ParkedMessage(String messageId, String reason, String parkedAt, String from, String caseId, long size) {
}
