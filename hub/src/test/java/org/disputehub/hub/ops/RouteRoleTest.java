package org.disputehub.hub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The route id conventions give each route its stage and connector (the tags of the metrics and health). */
class RouteRoleTest {

    @Test
    void routesAreClassifiedByTheirIds() {
        assertThat(RouteRole.of("hotline12345-poll")).isEqualTo(new RouteRole("inbound", "hotline12345"));
        assertThat(RouteRole.of("alarm110-intake")).isEqualTo(new RouteRole("inbound", "alarm110"));
        assertThat(RouteRole.of("odr-webhook")).isEqualTo(new RouteRole("inbound", "odr"));
        assertThat(RouteRole.of("hotline12345-relay")).isEqualTo(new RouteRole("relay", "hotline12345"));
        assertThat(RouteRole.of("petition-relay")).isEqualTo(new RouteRole("relay", "petition"));
        assertThat(RouteRole.of("labor-relay")).isEqualTo(new RouteRole("relay", "labor"));
        assertThat(RouteRole.of("zhengding-notify")).isEqualTo(new RouteRole("notify", "zhengding"));
        assertThat(RouteRole.of("zhengding-callback")).isEqualTo(new RouteRole("inbound", "zhengding"));
        assertThat(RouteRole.of("dispatch-330108-wy-001")).isEqualTo(new RouteRole("dispatch", "hub"));
        assertThat(RouteRole.of("hub-intake")).isEqualTo(new RouteRole("intake", "hub"));
        assertThat(RouteRole.of("hub-status-in")).isEqualTo(new RouteRole("status", "hub"));
        assertThat(RouteRole.of("hub-audit")).isEqualTo(new RouteRole("audit", "hub"));
        assertThat(RouteRole.of("something-else")).isEqualTo(new RouteRole("other", "hub"));
        assertThat(RouteRole.connectorOf("hub-intake")).isNull();
        assertThat(RouteRole.connectorOf("labor-batch")).isEqualTo("labor");
        assertThat(RouteRole.of("dispatch-330108-wy-001").okOutcome()).isEqualTo("dispatched");
        assertThat(RouteRole.of("odr-relay").okOutcome()).isEqualTo("relayed");
    }
}
