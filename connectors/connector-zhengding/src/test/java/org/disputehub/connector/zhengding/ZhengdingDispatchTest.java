package org.disputehub.connector.zhengding;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.jms.Message;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.model.CaseStatus;
import org.disputehub.canonical.model.StatusEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dispatch-zhengding department channel, instantiated here as routes/*.yaml would. */
class ZhengdingDispatchTest extends ZhengdingContextTest {

    static final String DEPT = "330105-SJ-001";
    static final String DISPATCH = "HUB.DISPATCH." + DEPT;

    @BeforeEach
    void department() {
        if (camel.getRoute("dispatch-330105-sj-001") == null) {
            TemplatedRouteBuilder.builder(camel, ZhengdingDispatchTemplate.TEMPLATE_ID).routeId("dispatch-330105-sj-001")
                    .parameter("deptCode", DEPT).parameter("deptName", "湖墅街道市场监管所")
                    .parameter("userIds", "wanglei01, chenjing02").add();
        }
    }

    @Test
    void aDispatchOrderNotifiesTheDutyStaffAndConfirmsTheDispatch() throws Exception {
        String order = Json.write(DispatchNoticeTest.dispatchOrder("杭州市拱墅区湖墅街道xx农贸市场", null));
        dispatch(order);

        StatusEvent dispatched = statusEvent(next(STATUS));
        next(AUDIT);

        assertThat(dispatched.eventId()).isEqualTo("HUB-20261122-000017:dispatched:1");
        assertThat(dispatched.status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(dispatched.actor()).isEqualTo(new StatusEvent.Actor(DEPT, "湖墅街道市场监管所"));
        assertThat(dispatched.occurredAt()).isEqualTo(OffsetDateTime.parse("2026-11-22T16:10:00+08:00"));
        LoggedRequest sent = single(WIREMOCK.findAll(postRequestedFor(urlPathEqualTo(SEND_PATH))));
        JsonNode body = Json.read(sent.getBodyAsString(), JsonNode.class);
        assertThat(body.path("userid_list").asText()).isEqualTo("wanglei01,chenjing02");
        assertThat(body.at("/msg/action_card/title").asText()).isEqualTo("【新派单】投诉-价格收费 · 杭州市拱墅区湖墅街道xx农贸市场");
        assertThat(body.at("/msg/action_card/markdown").asText()).isEqualTo("**案件** HUB-20261122-000017\n\n**来源** 12345\n\n"
                + "**地址** 杭州市拱墅区湖墅街道xx农贸市场\n\n**风险** 黄\n\n**承办单位** 湖墅街道市场监管所（330105-SJ-001）");
        assertThat(body.at("/msg/action_card/single_title").asText()).isEqualTo("查看并签收");
        assertThat(body.at("/msg/action_card/single_url").asText())
                .isEqualTo("https://hub.example.gov.cn/m/cases/HUB-20261122-000017");
        assertThat(sent.getBodyAsString()).doesNotContain("李四").doesNotContain("13900139000");
        assertThat(store.relayDelivered("HUB-20261122-000017:dispatch:1", "ZHENGDING")).isTrue();
    }

    @Test
    void aRedeliveredOrderConfirmsAgainButDoesNotNotifyTwice() throws Exception {
        String order = Json.write(DispatchNoticeTest.dispatchOrder("湖墅街道", null));
        NotifyBuilder sent = new NotifyBuilder(camel).fromRoute(ZhengdingNotifyRoute.ROUTE_ID).whenDone(2).create();

        dispatch(order);
        dispatch(order);

        assertThat(sent.matches(10, TimeUnit.SECONDS)).isTrue();
        assertThat(statusEvent(next(STATUS)).eventId()).isEqualTo("HUB-20261122-000017:dispatched:1");
        assertThat(statusEvent(next(STATUS)).eventId()).as("the same, idempotent event id")
                .isEqualTo("HUB-20261122-000017:dispatched:1");
        assertThat(WIREMOCK.findAll(postRequestedFor(urlPathEqualTo(SEND_PATH)))).hasSize(1);
    }

    @Test
    void aWithdrawalNoticeIsANotificationWithoutADispatchedEvent() throws Exception {
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute("dispatch-330105-sj-001").whenDone(1).create();
        send(DISPATCH, Json.write(DispatchNoticeTest.dispatchOrder("湖墅街道", null)), Map.of("caseId", "HUB-20261122-000017",
                "dispatchNo", 1, "deptCode", DEPT, "JMSXGroupID", "HUB-20261122-000017", "hubNotice", "WITHDRAW",
                "hubNoticeId", "env-9"));

        assertThat(done.matches(10, TimeUnit.SECONDS)).isTrue();
        next(AUDIT);
        assertThat(Json.read(single(WIREMOCK.findAll(postRequestedFor(urlPathEqualTo(SEND_PATH)))).getBodyAsString(),
                JsonNode.class).at("/msg/action_card/title").asText()).startsWith("【案件撤销】");
        assertThat(drain(STATUS)).isEmpty();
    }

    @Test
    void aDepartmentWithoutValidUserIdsCannotBeDeclared() {
        assertThatThrownBy(() -> TemplatedRouteBuilder.builder(camel, ZhengdingDispatchTemplate.TEMPLATE_ID)
                .routeId("dispatch-330105-sj-009").parameter("deptCode", "330105-SJ-009").parameter("deptName", "无人值守")
                .parameter("userIds", " , ").add())
                .hasStackTraceContaining("routes/ department 330105-SJ-009: userIds must be a comma-separated list");
        assertThat(camel.getRoute("dispatch-330105-sj-009")).isNull();
    }

    private void dispatch(String order) {
        send(DISPATCH, order, Map.of("caseId", "HUB-20261122-000017", "dispatchNo", 1, "deptCode", DEPT,
                "JMSXGroupID", "HUB-20261122-000017"));
    }

    private static StatusEvent statusEvent(Message m) throws Exception {
        assertThat(m.getStringProperty("JMSXGroupID")).isEqualTo("HUB-20261122-000017");
        return Json.read(text(m), StatusEvent.class);
    }

    private static LoggedRequest single(List<LoggedRequest> requests) {
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }
}
