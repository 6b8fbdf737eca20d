package org.disputehub.connector.zhengding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.model.CaseStatus;
import org.disputehub.canonical.model.StatusEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CaseActionMapperTest {

    private static final String BASE = "\"EventType\":\"case_action\",\"eventId\":\"ev-8c1f\",\"caseId\":\"HUB-20261122-000017\","
            + "\"userId\":\"zhangwei01\",\"deptCode\":\"330105-SJ-001\",\"time\":1795335000000";

    @Test
    void theContractsExampleBecomesASignedEvent() throws Exception {
        StatusEvent e = CaseActionMapper.map(json("\"action\":\"SIGN\",\"note\":\"收到，马上到\""));

        assertThat(e.eventId()).isEqualTo("ev-8c1f");
        assertThat(e.caseId()).isEqualTo("HUB-20261122-000017");
        assertThat(e.status()).isEqualTo(CaseStatus.SIGNED);
        assertThat(e.occurredAt()).isEqualTo(OffsetDateTime.parse("2026-11-22T16:10:00+08:00"));
        assertThat(e.occurredAt().getOffset()).isEqualTo(Zhengding.OFFSET);
        assertThat(e.actor()).isEqualTo(new StatusEvent.Actor("330105-SJ-001", "zhangwei01"));
        assertThat(e.note()).isEqualTo("收到，马上到");
        assertThat(e.origin()).isEqualTo("ZHENGDING");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"action\":\"ARRIVE\"                                    | ARRIVED    |",
        "\"action\":\"FEEDBACK\",\"resolved\":true,\"note\":\"已调解\"  | RESOLVED   | 已调解",
        "\"action\":\"FEEDBACK\",\"resolved\":false                | UNRESOLVED |",
        "\"action\":\"RETURN\",\"note\":\"不属于本单位职责\"            | RETURNED   | 不属于本单位职责",
        "\"action\":\"RETURN\"                                    | RETURNED   | 退回（未说明原因）",
        "\"action\":\"VISIT\",\"satisfied\":true                   | REVISITED  | 满意",
        "\"action\":\"VISIT\",\"satisfied\":false,\"note\":\"等待太久\" | REVISITED  | 不满意：等待太久",
    })
    void eachActionBecomesItsStatus(String fields, CaseStatus status, String note) throws Exception {
        StatusEvent e = CaseActionMapper.map(json(fields));
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.note()).isEqualTo(note);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"action\":\"DANCE\"                  | unknown action DANCE",
        "\"action\":\"FEEDBACK\"               | resolved",
        "\"action\":\"FEEDBACK\",\"resolved\":\"yes\" | resolved",
        "\"action\":\"VISIT\"                  | satisfied",
    })
    void incompleteActionsAreMalformed(String fields, String message) {
        assertThatThrownBy(() -> CaseActionMapper.map(json(fields)))
                .isInstanceOf(CaseActionMapper.MalformedEventException.class).hasMessageContaining(message);
    }

    @Test
    void missingOrInvalidFieldsAreMalformed() {
        assertMalformed("{\"EventType\":\"case_action\",\"action\":\"SIGN\"}", "eventId is required");
        assertMalformed(BASE.replace("\"time\":1795335000000", "\"time\":\"soon\"") + ",\"action\":\"SIGN\"", "time");
        assertMalformed(BASE.replace("HUB-20261122-000017", "12345") + ",\"action\":\"SIGN\"", "not a hub case id");
        assertMalformed(BASE.replace("330105-SJ-001", "dept x") + ",\"action\":\"SIGN\"", "not a department code");
        assertMalformed(BASE.replace("ev-8c1f", "e".repeat(65)) + ",\"action\":\"SIGN\"", "eventId must be 1-64");
        assertMalformed(BASE, "action is required");
    }

    private static void assertMalformed(String fields, String message) {
        String body = fields.startsWith("{") ? fields : "{" + fields + "}";
        assertThatThrownBy(() -> CaseActionMapper.map(Json.read(body, JsonNode.class)))
                .isInstanceOf(CaseActionMapper.MalformedEventException.class).hasMessageContaining(message);
    }

    private static JsonNode json(String fields) {
        return Json.read("{" + BASE + "," + fields.strip() + "}", JsonNode.class);
    }
}
