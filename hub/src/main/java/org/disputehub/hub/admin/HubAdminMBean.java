package org.disputehub.hub.admin;

/** Admin operations in JMX ({@code org.disputehub:type=HubAdmin}), for Hawtio. */
public interface HubAdminMBean {
    /** Reloads mappings/; on an error the old tables stay and the error is returned. */
    String reloadMappings();

    /** Each stage's DLQ and its depth. */
    String deadLetterQueues();

    /** The parked messages of a stage queue (id, reason, parked at, from, case, size; no bodies). */
    String listParked(String queue);

    /** Moves one parked message (by JMS message id) from DLQ.{queue} back to its queue. */
    String replayParked(String queue, String messageId);

    /**
     * Moves every parked message of DLQ.{queue} that matches back to its queue: reason containing {@code reasonContains},
     * parked after / before the ISO-8601 times; blank criteria are ignored, all blank moves them all.
     */
    String replayParkedMatching(String queue, String reasonContains, String parkedAfter, String parkedBefore);
}
