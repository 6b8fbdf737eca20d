package org.disputehub.connector.zhengding;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.model.CaseStatus;
import org.disputehub.canonical.model.Notification;
import org.disputehub.canonical.model.StatusEvent;
import org.disputehub.connector.zhengding.ZhengdingCallException.Failure;
import org.disputehub.fixtures.zhengding.ZhengdingSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo simulator of test-fixtures against the real connector classes and the real callback endpoint. */
class ZhengdingSimulatorTest extends ZhengdingContextTest {

    private static final ZhengdingSimulator.App APP = new ZhengdingSimulator.App("zd-test-app", "zd-test-secret",
            ZhengdingCryptoTest.TOKEN, ZhengdingCryptoTest.AES_KEY);

    @Autowired
    ZhengdingNotifier notifier;

    private ZhengdingSimulator simulator;

    @BeforeEach
    void startSimulator() {
        simulator = ZhengdingSimulator.start(0, APP, "http://localhost:" + port + Zhengding.CALLBACK_PATH,
                Duration.ofMillis(50), Clock.fixed(Instant.ofEpochMilli(TestApplication.T0), Zhengding.OFFSET));
    }

    @AfterEach
    void stopSimulator() {
        simulator.stop();
    }

    @Test
    void theStaffSignArriveAndResolveANewDispatchThroughTheCallbackEndpoint() throws Exception {
        ZhengdingClient client = client("zd-test-secret");
        String token = client.fetchToken().value();
        Notification n = new Notification("HUB-20261122-000041:dispatch:1", "HUB-20261122-000041", List.of("wanglei01"),
                "【新派单】投诉-价格收费 · 湖墅街道", "**案件** HUB-20261122-000041\n\n**承办单位** 湖墅街道市场监管所（330105-SJ-001）",
                "查看并签收", "https://hub.example.gov.cn/m/cases/HUB-20261122-000041");

        assertThat(client.sendWorkNotification(token, notifier.body(n, n.userIds()))).isPositive();

        List<StatusEvent> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            events.add(Json.read(text(next(STATUS_IN)), StatusEvent.class));
        }
        assertThat(events).extracting(StatusEvent::status)
                .containsExactly(CaseStatus.SIGNED, CaseStatus.ARRIVED, CaseStatus.RESOLVED);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.caseId()).isEqualTo("HUB-20261122-000041");
            assertThat(e.actor()).isEqualTo(new StatusEvent.Actor("330105-SJ-001", "wanglei01"));
        });
        assertThat(events).extracting(StatusEvent::eventId).doesNotHaveDuplicates();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> simulator.callbacksAcknowledged() == 3);
        assertThat(simulator.server().findAll(postRequestedFor(urlPathEqualTo(SEND_PATH)))).hasSize(1);
    }

    @Test
    void otherNotificationsGetNoCallbacks() throws Exception {
        ZhengdingClient client = client("zd-test-secret");
        Notification n = new Notification("HUB-20261122-000042:sla:sign", "HUB-20261122-000042", List.of("wanglei01"),
                "【超时预警】", "**案件** HUB-20261122-000042\n\n**承办单位** 湖墅街道市场监管所（330105-SJ-001）", "查看",
                "https://hub.example.gov.cn/m/cases/HUB-20261122-000042");

        client.sendWorkNotification(client.fetchToken().value(), notifier.body(n, n.userIds()));

        org.springframework.jms.core.JmsTemplate shortWait = new org.springframework.jms.core.JmsTemplate(connectionFactory);
        shortWait.setReceiveTimeout(1_000); // 20 step delays of the simulator
        assertThat(shortWait.receive(STATUS_IN)).as("no callback").isNull();
        assertThat(simulator.callbacksAcknowledged()).isZero();
    }

    @Test
    void theSimulatorChecksCredentialsTokensAndTheCard() {
        assertThatThrownBy(() -> client("wrong-secret").fetchToken()).isInstanceOfSatisfying(ZhengdingCallException.class,
                e -> assertThat(e.failure()).isEqualTo(Failure.TOKEN_UNAVAILABLE));
        ZhengdingClient client = client("zd-test-secret");
        Notification n = ZhengdingNotifyTest.notification("HUB-20261122-000043:dispatch:1", List.of("a"));
        assertThatThrownBy(() -> client.sendWorkNotification("not-issued", notifier.body(n, n.userIds())))
                .isInstanceOfSatisfying(ZhengdingCallException.class,
                        e -> assertThat(e.failure()).isEqualTo(Failure.TOKEN_REJECTED));
        List<String> tooMany = IntStream.range(0, 101).mapToObj(i -> "u" + i).toList();
        assertThatThrownBy(() -> client.sendWorkNotification(client.fetchToken().value(), notifier.body(n, tooMany)))
                .isInstanceOfSatisfying(ZhengdingCallException.class, e -> assertThat(e.code()).isEqualTo(40035));
    }

    private ZhengdingClient client(String secret) {
        ZhengdingProperties p = new ZhengdingProperties();
        p.setBaseUrl(simulator.baseUrl());
        p.setAppKey("zd-test-app");
        p.setAppSecret(secret);
        return new ZhengdingClient(p);
    }
}
