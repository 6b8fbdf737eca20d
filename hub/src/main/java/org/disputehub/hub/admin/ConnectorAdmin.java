package org.disputehub.hub.admin;

import java.util.Optional;
import java.util.stream.Collectors;
import org.disputehub.hub.ops.ConnectorPause;
import org.disputehub.hub.support.Jmx;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/** JMX {@code org.disputehub:type=Connectors}: pause and resume a connector from Hawtio. */
@Component
class ConnectorAdmin implements ConnectorAdminMBean, DisposableBean {

    static final String OBJECT_NAME = "org.disputehub:type=Connectors";

    private final ConnectorPause pause;

    ConnectorAdmin(ConnectorPause pause) {
        this.pause = pause;
        Jmx.register(this, ConnectorAdminMBean.class, OBJECT_NAME);
    }

    @Override
    public String getStates() {
        return pause.states().stream().map(ConnectorAdmin::line).collect(Collectors.joining("\n"));
    }

    @Override
    public String pause(String connector) {
        return reply(connector, pause.pause(connector, HubAdmin.actor()));
    }

    @Override
    public String resume(String connector) {
        return reply(connector, pause.resume(connector, HubAdmin.actor()));
    }

    private String reply(String connector, Optional<ConnectorPause.State> state) {
        return state.map(ConnectorAdmin::line).orElse("no enabled connector named " + connector + "; the connectors are "
                + pause.connectors());
    }

    private static String line(ConnectorPause.State s) {
        return s.connector() + ": " + (s.paused() ? "PAUSED" : "running") + " " + s.routes();
    }

    @Override
    public void destroy() {
        Jmx.unregister(OBJECT_NAME);
    }
}
