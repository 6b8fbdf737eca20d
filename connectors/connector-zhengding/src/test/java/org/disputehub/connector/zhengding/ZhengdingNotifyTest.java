package org.disputehub.connector.zhengding;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.jms.Message;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.camel.builder.NotifyBuilder;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.connector.AuditRecord;
import org.disputehub.canonical.model.Notification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ZhengdingNotifyTest extends ZhengdingContextTest {

    @Test
    void aNotificationIsSentAsAnActionCardWithTheTokenAndAudited() throws Exception {
        notify(notification("HUB-20261122-000017:dispatch:1", List.of("zhangwei01", "liuyang02")));

        AuditRecord audit = Json.read(text(next(AUDIT)), AuditRecord.class);

        LoggedRequest sent = single(sends());
        assertThat(sent.queryParameter("access_token").firstValue()).isEqualTo("test-token");
        assertThat(sent.getHeader("Content-Type")).startsWith("application/json");
        assertThat(Json.read(sent.getBodyAsString(), JsonNode.class)).isEqualTo(Json.read("""
                {"agent_id":2751002,"userid_list":"zhangwei01,liuyang02","msg":{"msgtype":"action_card","action_card":{
                 "title":"【新派单】噪声扰民 · 浦沿街道","markdown":"**案件** HUB-20261122-000017\\n\\n**来源** 110",
                 "single_title":"查看并签收","single_url":"https://hub.example.gov.cn/m/cases/HUB-20261122-000017"}}}""",
                JsonNode.class));
        assertThat(audit.system()).isEqualTo("ZHENGDING");
        assertThat(audit.direction()).isEqualTo(AuditRecord.Direction.OUT);
        assertThat(audit.outcome()).isEqualTo(AuditRecord.Outcome.SENT);
        assertThat(audit.ref()).isEqualTo("HUB-20261122-000017:dispatch:1");
        assertThat(audit.body()).isEqualTo(sent.getBodyAsString()).doesNotContain("test-token");
        assertThat(store.relayDelivered("HUB-20261122-000017:dispatch:1", "ZHENGDING")).isTrue();
        assertThat(WIREMOCK.findAll(getRequestedFor(urlPathEqualTo(TOKEN_PATH)))).hasSize(1);
    }

    @Test
    void personalDataInTitleAndMarkdownIsMaskedAgainBeforeSending() throws Exception {
        notify(new Notification("HUB-20261122-000018:sla:sign", "HUB-20261122-000018", List.of("zhangwei01"),
                "【超时预警】报警人13900139000", "**报警人电话** 13900139000\n\n**身份证** 330106197805230017\n\n**座机** 0571-87654321",
                "查看", "https://hub.example.gov.cn/m/cases/HUB-20261122-000018"));
        next(AUDIT);

        JsonNode card = Json.read(single(sends()).getBodyAsString(), JsonNode.class).at("/msg/action_card");
        assertThat(card.path("title").asText()).isEqualTo("【超时预警】报警人139****9000");
        assertThat(card.path("markdown").asText()).isEqualTo(
                "**报警人电话** 139****9000\n\n**身份证** 3301**********0017\n\n**座机** 0571-****4321");
    }

    @Test
    void twoHundredFiftyRecipientsGoOutInThreeCallsOf100And100And50() throws Exception {
        List<String> users = IntStream.rangeClosed(1, 250).mapToObj(i -> "u" + i).toList();
        notify(notification("HUB-20261122-000019:dispatch:1", users));

        List<AuditRecord> audits = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            audits.add(Json.read(text(next(AUDIT)), AuditRecord.class));
        }

        List<String> lists = sends().stream().sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
                .map(r -> Json.read(r.getBodyAsString(), JsonNode.class).path("userid_list").asText()).toList();
        assertThat(lists).extracting(l -> l.split(",").length).containsExactly(100, 100, 50);
        assertThat(String.join(",", lists)).isEqualTo(String.join(",", users));
        assertThat(audits).extracting(AuditRecord::ref).containsExactlyInAnyOrder("HUB-20261122-000019:dispatch:1#1",
                "HUB-20261122-000019:dispatch:1#2", "HUB-20261122-000019:dispatch:1#3");
        assertThat(store.relayDelivered("HUB-20261122-000019:dispatch:1", "ZHENGDING")).isTrue();
        assertThat(count("hub.connector.messages", "connector", "zhengding", "direction", "out", "outcome", "sent"))
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void aRetryResendsOnlyTheCallsThatHadNotGoneOut() throws Exception {
        List<String> users = IntStream.rangeClosed(1, 250).mapToObj(i -> "u" + i).toList();
        WIREMOCK.stubFor(post(urlPathEqualTo(SEND_PATH)).atPriority(1).inScenario("second call busy")
                .whenScenarioStateIs("Started").withRequestBody(containing("\"u101,"))
                .willReturn(okJson(fixture("samples/errors/90018-rate-limited.json"))).willSetStateTo("free"));
        notify(notification("HUB-20261122-000020:dispatch:1", users));

        for (int i = 0; i < 3; i++) {
            next(AUDIT);
        }

        List<String> lists = sends().stream().sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
                .map(r -> Json.read(r.getBodyAsString(), JsonNode.class).path("userid_list").asText().split(",")[0]).toList();
        assertThat(lists).as("call 1 once, call 2 rate limited then retried, call 3 once").containsExactly("u1", "u101", "u101", "u201");
        assertThat(drain(NOTIFY_DLQ)).isEmpty();
    }

    @Test
    void aRateLimitedCallIsRetriedWithBackOffAndSentOnce() throws Exception {
        WIREMOCK.stubFor(post(urlPathEqualTo(SEND_PATH)).atPriority(1).inScenario("busy").whenScenarioStateIs("Started")
                .willReturn(okJson(fixture("samples/errors/90018-rate-limited.json"))).willSetStateTo("free"));
        notify(notification("HUB-20261122-000021:dispatch:1", List.of("zhangwei01")));

        AuditRecord audit = Json.read(text(next(AUDIT)), AuditRecord.class);

        assertThat(audit.outcome()).isEqualTo(AuditRecord.Outcome.SENT);
        assertThat(sends()).hasSize(2);
        assertThat(drain(AUDIT)).isEmpty();
        assertThat(drain(NOTIFY_DLQ)).isEmpty();
    }

    @Test
    void aCallThatStaysRateLimitedIsParkedAfterTheRetries() throws Exception {
        String body = Json.write(notification("HUB-20261122-000022:dispatch:1", List.of("busy1")));
        notifyRaw(body);

        Message parked = next(NOTIFY_DLQ);

        assertThat(parked.getStringProperty("HubParkReason")).contains("TemporaryFailureException").contains("90018");
        assertThat(text(parked)).isEqualTo(body);
        assertThat(sends()).as("the first try and hub.errors.maximum-redeliveries=2").hasSize(3);
        assertThat(store.relayDelivered("HUB-20261122-000022:dispatch:1", "ZHENGDING")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"samples/errors/40014-invalid-token.json", "samples/errors/42001-expired-token.json"})
    void aRejectedTokenIsRenewedOnceAndTheCallRetriedOnce(String reply) throws Exception {
        WIREMOCK.stubFor(get(urlPathEqualTo(TOKEN_PATH)).atPriority(1).inScenario("stale").whenScenarioStateIs("Started")
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"stale-token\",\"expires_in\":7200}"))
                .willSetStateTo("renewed"));
        WIREMOCK.stubFor(post(urlPathEqualTo(SEND_PATH)).atPriority(1).withQueryParam("access_token", equalTo("stale-token"))
                .willReturn(okJson(fixture(reply))));
        notify(notification("HUB-20261122-000023:dispatch:1", List.of("zhangwei01")));

        next(AUDIT);

        assertThat(WIREMOCK.findAll(getRequestedFor(urlPathEqualTo(TOKEN_PATH)))).hasSize(2);
        assertThat(sends()).extracting(r -> r.queryParameter("access_token").firstValue())
                .containsExactlyInAnyOrder("stale-token", "test-token");
        assertThat(drain(NOTIFY_DLQ)).isEmpty();
    }

    @Test
    void aTokenRejectedEvenAfterRenewalIsNotRetriedInALoop() throws Exception {
        WIREMOCK.stubFor(get(urlPathEqualTo(TOKEN_PATH)).atPriority(1)
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"stale-token\",\"expires_in\":7200}")));
        notify(notification("HUB-20261122-000024:dispatch:1", List.of("zhangwei01")));

        Message parked = next(NOTIFY_DLQ);

        assertThat(parked.getStringProperty("HubParkReason")).contains("40014");
        assertThat(sends()).as("two calls (one renewal) per attempt, three attempts").hasSize(6);
    }

    @Test
    void anInvalidUserIdIsParkedAtOnce() throws Exception {
        notify(notification("HUB-20261122-000025:dispatch:1", List.of("zhangwei01", "ghost7")));

        Message parked = next(NOTIFY_DLQ);

        assertThat(parked.getStringProperty("HubParkReason")).contains("PermanentFailureException").contains("33012");
        assertThat(sends()).hasSize(1);
        assertThat(drain(AUDIT)).isEmpty();
    }

    @Test
    void aNotificationAlreadySentIsSkipped() {
        store.markRelayDelivered("HUB-20261122-000026:dispatch:1", "ZHENGDING");
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute(ZhengdingNotifyRoute.ROUTE_ID).whenDone(1).create();

        notify(notification("HUB-20261122-000026:dispatch:1", List.of("zhangwei01")));

        assertThat(done.matches(10, TimeUnit.SECONDS)).isTrue();
        assertThat(sends()).isEmpty();
        assertThat(drain(AUDIT)).isEmpty();
    }

    @Test
    void aMalformedNotificationIsParked() throws Exception {
        notifyRaw("{\"caseId\":\"HUB-20261122-000027\",\"title\":\"x\"}");

        Message parked = next(NOTIFY_DLQ);

        assertThat(parked.getStringProperty("HubParkReason")).contains("dedupeKey");
        assertThat(sends()).isEmpty();
    }

    @Test
    void concurrentSendersShareOneTokenRenewal() throws Exception {
        WIREMOCK.stubFor(get(urlPathEqualTo(TOKEN_PATH)).atPriority(1).withQueryParam("appkey", equalTo("zd-test-app"))
                .willReturn(aResponse().withFixedDelay(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"test-token\",\"expires_in\":7200}")));
        for (int i = 0; i < 16; i++) {
            notify(notification("HUB-20261122-0001" + (10 + i) + ":dispatch:1", List.of("zhangwei01")));
        }

        for (int i = 0; i < 16; i++) {
            next(AUDIT);
        }

        assertThat(sends()).hasSize(16);
        assertThat(WIREMOCK.findAll(getRequestedFor(urlPathEqualTo(TOKEN_PATH)))).as("one renewal for four consumers")
                .hasSize(1);
    }

    static Notification notification(String dedupeKey, List<String> users) {
        String caseId = dedupeKey.substring(0, dedupeKey.indexOf(':'));
        return new Notification(dedupeKey, caseId, users, "【新派单】噪声扰民 · 浦沿街道",
                "**案件** " + caseId + "\n\n**来源** 110", "查看并签收", "https://hub.example.gov.cn/m/cases/" + caseId);
    }

    private void notify(Notification n) {
        notifyRaw(Json.write(n));
    }

    private void notifyRaw(String body) {
        send(NOTIFY, body, Map.of("JMSXGroupID", "n-" + body.hashCode()));
    }

    private static List<LoggedRequest> sends() {
        return WIREMOCK.findAll(postRequestedFor(urlPathEqualTo(SEND_PATH)));
    }

    private static LoggedRequest single(List<LoggedRequest> requests) {
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    static String fixture(String path) {
        try (var in = ZhengdingNotifyTest.class.getResourceAsStream("/fixtures/zhengding/" + path)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
