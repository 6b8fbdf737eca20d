package org.disputehub.hub.mapping;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.disputehub.canonical.model.CanonicalCase;
import org.disputehub.canonical.model.CaseSource;
import org.disputehub.canonical.model.CaseStatus;
import org.disputehub.canonical.model.Category;
import org.disputehub.canonical.model.Location;
import org.disputehub.canonical.model.Party;

/** Small canonical cases for table tests. */
final class LifecycleFixtures {

    private LifecycleFixtures() {
    }

    static CanonicalCase aCase(String system, String description, Integer headcount, BigDecimal amount) {
        OffsetDateTime t = OffsetDateTime.parse("2026-11-22T10:00:00+08:00");
        return new CanonicalCase(null, CanonicalCase.SCHEMA_VERSION, new CaseSource(system, "S-1", "TEST", t, null), t,
                "测试", description, Category.unclassifiedFrom("X", "X"), null, List.of(Party.reporter("王五", null)),
                headcount, amount, new Location("测试地址", "330108", null, null, null), "NORMAL", null, null, null,
                CaseStatus.RECEIVED);
    }
}
