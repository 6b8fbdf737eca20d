package org.disputehub.hub.admin;

/** Pausing and resuming connectors in JMX ({@code org.disputehub:type=Connectors}), for Hawtio (ADMIN). */
public interface ConnectorAdminMBean {
    /** Each enabled connector: paused or running, and its routes. */
    String getStates();

    /** Suspends every route of the connector; its push endpoints answer 503 with Retry-After until resumed. */
    String pause(String connector);

    /** Resumes the connector's routes. */
    String resume(String connector);
}
