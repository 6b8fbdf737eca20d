package org.disputehub.hub.admin;

/** Admin operations in JMX. */
public interface HubAdminMBean {
    /** Reloads mappings/; on an error the old tables stay and the error is returned. */
    String reloadMappings();
}
