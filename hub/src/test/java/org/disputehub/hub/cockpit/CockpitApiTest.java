package org.disputehub.hub.cockpit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disputehub.hub.cockpit.CockpitFixture.T1;
import static org.disputehub.hub.cockpit.CockpitFixture.T2;
import static org.disputehub.hub.cockpit.CockpitFixture.T5;
import static org.disputehub.hub.cockpit.CockpitFixture.WY;
import static org.disputehub.hub.cockpit.CockpitFixture.ZF;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.disputehub.canonical.codec.Json;
import org.junit.jupiter.api.Test;

/** The cockpit's answers for the known cases of {@link CockpitFixture}, and who may read them. */
class CockpitApiTest extends CockpitTestBase {

    @Test
    void todaysInputsBySourceAndStatus() throws Exception {
        JsonNode intake = api("intake");
        assertThat(intake.path("day").asText()).isEqualTo("2026-12-02");
        assertThat(intake.path("total").asLong()).isEqualTo(5);
        assertThat(counts(intake.path("bySource"))).containsExactly("HOTLINE12345=2", "ALARM110=1", "ODR=1", "PETITION=1");
        assertThat(counts(intake.path("byStatus")))
                .containsExactlyInAnyOrder("CLOSED=1", "DISPATCHED=1", "RECEIVED=1", "RESOLVED=1", "SIGNED=1");
        assertThat(intake.path("flows").toString()).contains("{\"source\":\"HOTLINE12345\",\"status\":\"CLOSED\",\"count\":1}",
                "{\"source\":\"HOTLINE12345\",\"status\":\"DISPATCHED\",\"count\":1}");
    }

    @Test
    void casesWaitingWithTheirCountdown() throws Exception {
        JsonNode waiting = api("waiting");
        assertThat(waiting.path("total").asLong()).isEqualTo(2);
        assertThat(waiting.path("signOff").asLong()).isEqualTo(1);
        assertThat(waiting.path("arrival").asLong()).isEqualTo(1);
        assertThat(waiting.path("overdue").asLong()).isEqualTo(1);
        JsonNode first = waiting.path("cases").get(0);
        assertThat(first.path("caseId").asText()).isEqualTo(T1);
        assertThat(first.path("waitingFor").asText()).isEqualTo("SIGN");
        assertThat(first.path("secondsLeft").asLong()).isEqualTo(-540);
        assertThat(first.path("deptName").asText()).isEqualTo("滨江区物业管理科");
        assertThat(first.path("title").asText()).isEqualTo("楼上漏水，联系139****9000");
        JsonNode second = waiting.path("cases").get(1);
        assertThat(second.path("caseId").asText()).isEqualTo(T2);
        assertThat(second.path("waitingFor").asText()).isEqualTo("ARRIVE");
        assertThat(second.path("secondsLeft").asLong()).isEqualTo(300);
        assertThat(second.path("risk").asText()).isEqualTo("RED");
        assertThat(waiting.path("cases")).hasSize(2);
    }

    @Test
    void openRedCasesWithTheirReasons() throws Exception {
        JsonNode red = api("red");
        assertThat(red.path("open").asLong()).isEqualTo(2);
        assertThat(red.path("today").asLong()).isEqualTo(3);
        assertThat(red.path("cases").findValuesAsText("caseId")).containsExactly(T5, T2);
        assertThat(red.path("cases").get(1).path("reasons").toString())
                .isEqualTo("[\"R03 暴力倾向：持刀\",\"R06 重复报警：3次\"]");
    }

    @Test
    void repeatHotspotsAreCountedOverThirtyDaysAndMasked() throws Exception {
        JsonNode spots = api("hotspots");
        assertThat(spots.path("days").asInt()).isEqualTo(30);
        assertThat(spots.path("callers")).hasSize(1);
        assertThat(spots.at("/callers/0/label").asText()).isEqualTo("李* 139****9000");
        assertThat(spots.at("/callers/0/reports").asLong()).isEqualTo(3);
        assertThat(spots.at("/callers/0/lastCaseId").asText()).isEqualTo(T2);
        assertThat(spots.path("addresses")).hasSize(1);
        assertThat(spots.at("/addresses/0/label").asText()).isEqualTo("杭州市滨江区浦沿街道东信大道**号");
        assertThat(spots.at("/addresses/0/reports").asLong()).isEqualTo(2);
        assertThat(spots.toString()).doesNotContain("13900139000", "李四", "66号");
    }

    @Test
    void theKpisOfEachDayAreTheKpiServicesAndTheWeekTheirSum() throws Exception {
        JsonNode kpis = api("kpis");
        assertThat(kpis.path("days")).hasSize(7);
        assertThat(kpis.at("/days/6").asText()).isEqualTo("2026-12-02");
        JsonNode wy = dept(kpis, WY);
        JsonNode zf = dept(kpis, ZF);
        assertThat(indicator(wy.at("/daily/6/signOff"))).isEqualTo("1/2");
        assertThat(indicator(wy.at("/daily/5/resolution"))).isEqualTo("0/1");
        assertThat(indicator(wy.at("/week/signOff"))).isEqualTo("2/3");
        assertThat(indicator(zf.at("/daily/6/onTimeArrival"))).isEqualTo("1/2");
        assertThat(indicator(zf.at("/daily/6/closureFeedback"))).isEqualTo("2/2");
        assertThat(indicator(zf.at("/week/resolution"))).isEqualTo("1/1");
        assertThat(zf.at("/week/signOff/name").asText()).isEqualTo("签收率");
        // each day is what GET /api/v1/kpis answers for that day
        JsonNode today = Json.read(get("viewer", "/api/v1/kpis?from=2026-12-02T00:00:00%2B08:00&to=2026-12-03T00:00:00%2B08:00")
                .body(), JsonNode.class);
        for (JsonNode d : today.path("byDepartment")) {
            JsonNode mine = dept(kpis, d.path("deptCode").asText()).at("/daily/6");
            for (String k : List.of("signOff", "onTimeArrival", "closureFeedback", "resolution", "repeatReports")) {
                assertThat(mine.path(k)).as(k).isEqualTo(d.path(k));
            }
        }
        assertThat(kpis.at("/overall/daily/6/signOff")).isEqualTo(today.path("signOff"));
    }

    @Test
    void queueDepthsAndParkedMessagesPerStage() throws Exception {
        JsonNode queues = api("queues");
        JsonNode intake = null;
        for (JsonNode q : queues.path("queues")) {
            if (q.path("queue").asText().equals("HUB.INTAKE")) {
                intake = q;
            }
        }
        assertThat(intake).isNotNull();
        assertThat(intake.path("stage").asText()).isEqualTo("intake");
        assertThat(intake.path("parked").asLong()).isEqualTo(1);
        assertThat(queues.path("parked").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(queues.path("stages").findValuesAsText("stage")).contains("inbound", "intake", "dispatch", "status", "relay");
    }

    @Test
    void viewerAndAdminMayReadTheCockpitOthersMayNot() throws Exception {
        assertThat(get("admin", "/api/v1/cockpit/intake").statusCode()).isEqualTo(200);
        assertThat(get(null, "/api/v1/cockpit/intake").statusCode()).isEqualTo(401);
        assertThat(get("viewer", "/cockpit").statusCode()).isEqualTo(200);
        assertThat(get("viewer", "/cockpit").body()).contains("驾驶舱", "/webjars/echarts/5.3.1/dist/echarts.min.js");
        assertThat(get("viewer", "/webjars/echarts/5.3.1/dist/echarts.min.js").statusCode()).isEqualTo(200);
        assertThat(get(null, "/cockpit").statusCode()).isIn(302, 401);
    }

    @Test
    void theCockpitApiIsInTheOpenApiDocument() throws Exception {
        JsonNode paths = Json.read(get("viewer", "/v3/api-docs").body(), JsonNode.class).path("paths");
        for (String part : List.of("intake", "kpis", "waiting", "red", "hotspots", "queues")) {
            JsonNode op = paths.path("/api/v1/cockpit/" + part).path("get");
            assertThat(op.path("summary").asText()).as(part).contains("ADMIN, VIEWER");
            assertThat(op.at("/responses/200/content").toString()).as(part).contains("$ref");
            assertThat(op.path("responses").has("401")).as(part).isTrue();
            assertThat(op.at("/security/0").has("people")).as(part).isTrue();
        }
    }

    private static JsonNode dept(JsonNode kpis, String code) {
        for (JsonNode d : kpis.path("departments")) {
            if (d.path("deptCode").asText().equals(code)) {
                return d;
            }
        }
        throw new AssertionError("no department " + code + " in " + kpis);
    }

    private static String indicator(JsonNode i) {
        return i.path("numerator").asLong() + "/" + i.path("denominator").asLong();
    }

    private static List<String> counts(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(c -> out.add(c.path("key").asText() + "=" + c.path("count").asLong()));
        return out;
    }
}
