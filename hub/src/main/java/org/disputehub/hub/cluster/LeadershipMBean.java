package org.disputehub.hub.cluster;

/** JMX {@code org.disputehub:type=Leadership} (Hawtio): whether this hub instance leads, and since when. */
public interface LeadershipMBean {

    boolean isLeader();

    String getInstanceId();

    /** ISO-8601 time of the last grant or revoke ("" before the first). */
    String getSince();

    /** The singleton routes and their status on this instance. */
    String getSingletonRoutes();

    /** Gives leadership up; another instance (or this one again) takes it. */
    void yieldLeadership();
}
