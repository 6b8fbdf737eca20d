package org.disputehub.hub.admin;

import org.disputehub.hub.mapping.MappingException;
import org.disputehub.hub.mapping.MappingService;
import org.disputehub.hub.support.Jmx;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/** JMX {@code org.disputehub:type=HubAdmin}: operations an admin runs from Hawtio. */
@Component
class HubAdmin implements HubAdminMBean, DisposableBean {

    static final String OBJECT_NAME = "org.disputehub:type=HubAdmin";

    private final MappingService mappings;

    HubAdmin(MappingService mappings) {
        this.mappings = mappings;
        Jmx.register(this, HubAdminMBean.class, OBJECT_NAME);
    }

    @Override
    public String reloadMappings() {
        try {
            return "reloaded: " + mappings.reload().taxonomySize() + " taxonomy codes";
        } catch (MappingException e) {
            return "refused, the previous tables stay in force: " + e.getMessage();
        }
    }

    @Override
    public void destroy() {
        Jmx.unregister(OBJECT_NAME);
    }
}
