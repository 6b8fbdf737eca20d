package org.disputehub.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.List;
import org.disputehub.canonical.codec.CaseSchema;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.model.CanonicalCase;
import org.disputehub.canonical.model.CaseSource;
import org.disputehub.canonical.model.CaseStatus;
import org.disputehub.canonical.model.Category;
import org.disputehub.canonical.model.Location;
import org.disputehub.canonical.model.Party;
import org.junit.jupiter.api.Test;

class CaseSchemaTest {

    static CanonicalCase valid() {
        OffsetDateTime t = OffsetDateTime.parse("2026-11-22T09:30:15+08:00");
        return new CanonicalCase(null, CanonicalCase.SCHEMA_VERSION,
                new CaseSource("HOTLINE12345", "GD20261122000123", "HOTLINE", t, null), t, "小区物业乱收停车费",
                "小区物业超时1分钟按1小时收费", Category.unclassifiedFrom("C0203", "物业管理"), "投诉",
                List.of(Party.reporter("李四", "13900139000")), null, null,
                new Location("杭州市滨江区浦沿街道xx小区", "330108", null, null, null), "NORMAL", null, null, null,
                CaseStatus.RECEIVED);
    }

    @Test
    void aMappedCaseIsValidAndRoundTrips() {
        assertThat(CaseSchema.violations(Json.tree(valid()))).isEmpty();
        assertThat(Json.read(Json.write(valid()), CanonicalCase.class)).isEqualTo(valid());
    }

    @Test
    void violationsNameTheFailingField() {
        ObjectNode bad = (ObjectNode) Json.tree(valid());
        ((ObjectNode) bad.get("location")).put("regionCode", "33010");
        ((ObjectNode) bad.get("source")).put("system", "FAX");
        bad.remove("description");
        List<String> violations = CaseSchema.violations(bad);
        assertThat(violations).hasSize(3);
        assertThat(String.join("\n", violations)).contains("regionCode").contains("system").contains("description");
    }

    @Test
    void coordinatesComeInPairs() {
        ObjectNode bad = (ObjectNode) Json.tree(valid());
        ((ObjectNode) bad.get("location")).put("lon", 120.1551);
        assertThat(CaseSchema.violations(bad)).anySatisfy(v -> assertThat(v).contains("lat"));
    }
}
