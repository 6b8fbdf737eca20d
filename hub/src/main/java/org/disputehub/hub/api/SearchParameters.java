package org.disputehub.hub.api;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.DateTimeSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.math.BigDecimal;
import java.util.Arrays;
import org.disputehub.canonical.model.CaseStatus;
import org.disputehub.canonical.model.Parts;
import org.disputehub.hub.search.CaseCriteria;

/** The search's parameters typed for a client generator: enums, date-times, bounded integers. */
final class SearchParameters {

    private SearchParameters() {
    }

    static void describe(Operation op) {
        if (op.getParameters() == null) {
            return;
        }
        for (Parameter p : op.getParameters()) {
            Schema<?> schema = switch (p.getName()) {
                case "status" -> enumOf(Arrays.stream(CaseStatus.values()).map(Enum::name).toList());
                case "risk" -> enumOf(Arrays.stream(Parts.RiskLevel.values()).map(Enum::name).toList());
                case "from", "to" -> new DateTimeSchema();
                case "page" -> new IntegerSchema().minimum(BigDecimal.ZERO)._default(0);
                case "size" -> new IntegerSchema().minimum(BigDecimal.ONE)
                        .maximum(BigDecimal.valueOf(CaseCriteria.MAX_SIZE))._default(CaseCriteria.DEFAULT_SIZE);
                default -> null;
            };
            if (schema != null) {
                p.setSchema(schema);
            }
        }
    }

    private static Schema<?> enumOf(java.util.List<String> values) {
        StringSchema s = new StringSchema();
        values.forEach(s::addEnumItem);
        return s;
    }
}
