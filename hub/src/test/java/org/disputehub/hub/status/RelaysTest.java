package org.disputehub.hub.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import org.apache.camel.impl.DefaultCamelContext;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.connector.RelaySink;
import org.disputehub.canonical.connector.VocabularyReloader;
import org.disputehub.canonical.model.Assignment;
import org.disputehub.canonical.model.CanonicalCase;
import org.disputehub.canonical.model.CaseStatus;
import org.disputehub.canonical.model.RelayEvent;
import org.disputehub.canonical.model.StatusEvent;
import org.disputehub.connector.hotline12345.Hotline12345;
import org.disputehub.connector.hotline12345.Hotline12345RelaySink;
import org.disputehub.connector.odr.Odr;
import org.disputehub.connector.odr.OdrRelaySink;
import org.disputehub.fixtures.Mappings;
import org.disputehub.hub.department.Department;
import org.disputehub.hub.department.DepartmentRegistry;
import org.disputehub.hub.store.StoredCase;
import org.disputehub.hub.support.Outbound;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * Which relays go to an origin's queue, and what they carry: only statuses the origin's vocabulary has a code for
 * (12345 has none for RECEIVED, DISPATCHED, CLOSED); every status for a connector whose sink sees every event
 * (ODR's remembers each relay's department); every status for a system whose connector is not in this JVM. The
 * department is named from routes/, or from the stored case when routes/ no longer declares it.
 */
class RelaysTest {

    static final String DEPT = "330108-WY-001";

    private final VocabularyReloader vocabularies = new VocabularyReloader(Mappings.dir());
    private final Relays relays;

    RelaysTest() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of(
                "hotline", new Hotline12345RelaySink(null, null, vocabularies.load(Hotline12345.SYSTEM,
                        Hotline12345.CONNECTOR, Hotline12345.FEEDBACK_STATUSES), null, null),
                "odr", new OdrRelaySink(null, null, null, null, vocabularies.load(Odr.SYSTEM, Odr.CONNECTOR, Odr.STATUSES),
                        null, null)));
        DepartmentRegistry departments = new DepartmentRegistry(new DefaultCamelContext()) {
            @Override
            public Set<String> codes() {
                return Set.of(DEPT);
            }

            @Override
            public Department get(String code) {
                return new Department(DEPT, "滨江区物业管理科", "http", null, null, null, "dispatch-330108-wy-001", Map.of());
            }
        };
        relays = new Relays(departments, vocabularies, beans.getBeanProvider(RelaySink.class), "HUB.RELAY.");
    }

    @Test
    void aStatusTheOriginHasNoCodeForIsNotSentWhileOneItHasIs() {
        StoredCase c = stored("HOTLINE12345", DEPT, "{}");
        for (CaseStatus none : new CaseStatus[] {CaseStatus.RECEIVED, CaseStatus.DISPATCHED, CaseStatus.CLOSED}) {
            assertThat(relays.of(event(none), c, c)).as(none + " has no 12345 code").isEmpty();
        }
        Outbound signed = relays.of(event(CaseStatus.SIGNED), c, c).orElseThrow();
        assertThat(signed.queue()).isEqualTo("HUB.RELAY.HOTLINE12345");
        assertThat(signed.headers()).containsEntry("JMSXGroupID", "HUB-20261122-000001");
        RelayEvent relay = Json.read(signed.body(), RelayEvent.class);
        assertThat(relay.sourceId()).isEqualTo("GD-1");
        assertThat(relay.deptCode()).isEqualTo(DEPT);
        assertThat(relay.deptName()).as("from routes/, without parsing the stored case").isEqualTo("滨江区物业管理科");
        assertThat(relay.event().status()).isEqualTo(CaseStatus.SIGNED);
    }

    @Test
    void aSinkThatSeesEveryEventGetsEveryEventAndAConnectorElsewhereDecidesForItself() {
        StoredCase odr = stored("ODR", DEPT, "{}");
        assertThat(relays.of(event(CaseStatus.RETURNED), odr, odr)).as("no ODR code, but OdrRelaySink.seen needs it")
                .isPresent();
        StoredCase elsewhere = stored("PETITION", DEPT, "{}");
        assertThat(relays.of(event(CaseStatus.RECEIVED), elsewhere, elsewhere)).as("no vocabulary loaded here").isPresent();
    }

    @Test
    void aDepartmentNoLongerDeclaredIsNamedFromTheStoredCase() {
        CanonicalCase data = new CanonicalCase(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, new Assignment("330108-XX-009", "旧科室", 1, null), null);
        StoredCase c = stored("HOTLINE12345", "330108-XX-009", Json.write(data));
        RelayEvent relay = Json.read(relays.of(event(CaseStatus.SIGNED), c, c).orElseThrow().body(), RelayEvent.class);
        assertThat(relay.deptCode()).isEqualTo("330108-XX-009");
        assertThat(relay.deptName()).isEqualTo("旧科室");
    }

    private static StoredCase stored(String system, String dept, String data) {
        return new StoredCase("HUB-20261122-000001", system, "GD-1", CaseStatus.DISPATCHED, false, dept, 1, data, false);
    }

    private static StatusEvent event(CaseStatus status) {
        return new StatusEvent("ev-" + status, "HUB-20261122-000001", status, OffsetDateTime.now(), null, null, "DEPT");
    }
}
