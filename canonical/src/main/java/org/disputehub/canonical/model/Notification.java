package org.disputehub.canonical.model;

import java.util.List;

/**
 * A work notification to people (docs/interfaces/zhengding.md), put on {@code HUB.NOTIFY.ZHENGDING}: a new dispatch
 * for a department without its own system, an SLA warning or escalation, an operations alert. The sender
 * splits the recipients into calls of at most 100; {@code dedupeKey} makes a notification idempotent.
 * The markdown must already be masked (no unmasked names, phones or ID numbers).
 */
public record Notification(String dedupeKey, String caseId, List<String> userIds, String title, String markdown,
                           String actionTitle, String actionUrl) {
}
