package org.disputehub.hub.budget;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import jakarta.jms.ConnectionFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.disputehub.connector.hotline12345.Hotline12345Poller;
import org.disputehub.hub.HubTestSupport;
import org.disputehub.hub.store.AuditLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The cost budget of a case (bench/results/FINDINGS.md, "Cost budget per case"): one case from each source system
 * carried through its whole loop on the embedded default — intake and dispatch, the department's four events, the
 * relays to the origin, the audit chaining — with every durable JMS send, database transaction and statement, JSON
 * read and write and log line counted per stage ({@link CostInstruments}). Not in the default build (tag
 * {@code budget}): {@code ./mvnw -B -o -q -pl hub -am verify -Pbudget -Dtest=CaseBudgetTest
 * -Dsurefire.failIfNoSpecifiedTests=false}; the table is written to {@code hub/target/cost-budget.md}.
 */
@Tag("budget")
@CamelSpringBootTest
@ActiveProfiles("test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(CostInstruments.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CaseBudgetTest {

    static final Path LABOR_ROOT = BudgetSources.temporaryRoot();
    static final WireMockServer DEPTS = HubTestSupport.started();
    static final WireMockServer HOTLINE = HubTestSupport.started();
    static final WireMockServer ALARM110 = HubTestSupport.started();
    static final WireMockServer PETITION = HubTestSupport.started();
    static final WireMockServer ODR = HubTestSupport.started();
    static final WireMockServer LABOR = HubTestSupport.started();
    /** The red-risk notice of the labor case goes to 浙政钉 (its fixture mappings: token, asyncsend). */
    static final WireMockServer ZHENGDING = new WireMockServer(WireMockConfiguration.options().dynamicPort()
            .bindAddress("127.0.0.1").usingFilesUnderClasspath("fixtures/zhengding"));

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HubTestSupport.register(registry, HOTLINE, DEPTS);
        ZHENGDING.start();
        registry.add("hub.connectors.zhengding.base-url", ZHENGDING::baseUrl);
        registry.add("hub.connectors.zhengding.app-key", () -> "zd-test-app");
        registry.add("hub.connectors.zhengding.app-secret", () -> "zd-test-secret");
        HubTestSupport.acceptDispatches(DEPTS);
        HOTLINE.stubFor(get(urlPathEqualTo("/api/v2/workorders")).willReturn(okJson(BudgetSources.listing(""))));
        HOTLINE.stubFor(post(urlPathMatching("/api/v2/workorders/[^/]+/feedback")).willReturn(okJson("{\"code\":0,\"msg\":\"ok\"}")));
        stub(ALARM110, "alarm110/mappings/feedback-ok.json");
        stub(PETITION, "petition/mappings/blzt-ok.json");
        stub(ODR, "odr/mappings/token.json");
        stub(ODR, "odr/mappings/status-ok.json");
        stub(LABOR, "labor/mappings/progress-ok.json");
        // the timers that run whatever the traffic, out of the way (the test runs the poll cycle and the chaining)
        registry.add("hub.connectors.hotline12345.poll-interval", () -> "PT1H");
        registry.add("hub.audit.chain-interval-ms", () -> "3600000");
        registry.add("hub.sla.check-interval-ms", () -> "3600000");
        registry.add("hub.kpi.refresh-ms", () -> "3600000");
        registry.add("hub.alerts.check-interval", () -> "PT1H");
        // the leader renews its lock every heart-beat (SQL on the counted DataSource): out of the way too
        registry.add("hub.cluster.heart-beat", () -> "PT1H");
        registry.add("hub.cluster.lock-ttl", () -> "PT2H");
        registry.add("hub.connectors.alarm110.enabled", () -> "true");
        registry.add("hub.connectors.alarm110.base-url", ALARM110::baseUrl);
        registry.add("hub.connectors.alarm110.api-key", () -> "test-110-key");
        registry.add("hub.connectors.petition.enabled", () -> "true");
        registry.add("hub.connectors.petition.base-url", PETITION::baseUrl);
        registry.add("hub.connectors.petition.shared-secret", () -> BudgetSources.PETITION_SECRET);
        registry.add("hub.connectors.odr.enabled", () -> "true");
        registry.add("hub.connectors.odr.base-url", ODR::baseUrl);
        registry.add("hub.connectors.odr.client-id", () -> "budget-hub");
        registry.add("hub.connectors.odr.client-secret", () -> "budget-client-secret");
        registry.add("hub.connectors.odr.webhook-secrets[0]", () -> BudgetSources.ODR_SECRET);
        registry.add("hub.connectors.labor.enabled", () -> "true");
        registry.add("hub.connectors.labor.inbox", () -> LABOR_ROOT.resolve("inbox").toString());
        registry.add("hub.connectors.labor.done-dir", () -> LABOR_ROOT.resolve("done").toString());
        registry.add("hub.connectors.labor.error-dir", () -> LABOR_ROOT.resolve("error").toString());
        registry.add("hub.connectors.labor.poll-interval", () -> "250ms");
        registry.add("hub.connectors.labor.base-url", LABOR::baseUrl);
        registry.add("hub.connectors.labor.api-key", () -> "test-labor-key");
    }

    private static void stub(WireMockServer server, String mapping) {
        server.addStubMapping(StubMapping.buildFrom(HubTestSupport.fixture(mapping)));
    }

    @AfterAll
    static void stop() {
        for (WireMockServer s : List.of(DEPTS, HOTLINE, ALARM110, PETITION, ODR, LABOR, ZHENGDING)) {
            s.stop();
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    Hotline12345Poller hotlinePoller;
    @Autowired
    AuditLog audit;

    @Test
    void oneCaseOfEachSourceThroughItsWholeLoop() throws Exception {
        BudgetSources sources = new BudgetSources(port, DEPTS);
        JdbcTemplate jdbc = new JdbcTemplate(CostInstruments.uncounted);
        settle();
        audit.chainPending();
        settle();
        Map<String, Long> startUp = CostCounters.drain();
        assertThat(startUp.keySet()).as("the instruments count").anyMatch(k -> k.startsWith(CostCounters.SQL + "|"))
                .anyMatch(k -> k.startsWith(CostCounters.LOG + "|"));

        List<BudgetTable.Stage> stages = new ArrayList<>();
        Map<String, Runnable> inputs = new LinkedHashMap<>();
        inputs.put("110", () -> new JmsTemplate(connectionFactory).send("JCJ.LDJQ.OUT", s -> {
            jakarta.jms.Message m = s.createTextMessage(HubTestSupport.fixture("alarm110/samples/valid/ldlx1-noise.xml"));
            m.setStringProperty("MsgType", "LDJQ");
            return m;
        }));
        inputs.put("petition", sources::pushPetition);
        inputs.put("ODR", sources::postOdrWebhook);
        inputs.put("labor", () -> sources.dropLaborBatch(LABOR_ROOT.resolve("inbox")));
        inputs.put("12345", () -> {
            HOTLINE.stubFor(get(urlPathEqualTo("/api/v2/workorders")).willReturn(okJson(BudgetSources.listing(BudgetSources.WORK_ORDER))));
            hotlinePoller.poll();
        });
        for (Map.Entry<String, Runnable> input : inputs.entrySet()) {
            BudgetSources.Source source = BudgetSources.SOURCES.get(input.getKey());
            input.getValue().run();
            await().atMost(Duration.ofSeconds(60)).until(() -> sources.dispatchedCase(source) != null);
            String caseId = sources.dispatchedCase(source);
            await().atMost(Duration.ofSeconds(30)).until(() -> "DISPATCHED".equals(status(jdbc, caseId)));
            settle();
            stages.add(new BudgetTable.Stage(source.name(), "intake → dispatch", CostCounters.drain()));
            for (String status : source.statuses()) {
                assertThat(sources.report(source, caseId, status)).isEqualTo(202);
                await().atMost(Duration.ofSeconds(30)).until(() -> status.equals(status(jdbc, caseId)));
                settle();
                stages.add(new BudgetTable.Stage(source.name(), status, CostCounters.drain()));
            }
            assertThat(source.relays(servers().get(source.name()))).as(source.name() + " relays to the origin")
                    .isEqualTo(source.expectedRelays());
            audit.chainPending();
            settle();
            stages.add(new BudgetTable.Stage(source.name(), "audit chaining", CostCounters.drain()));
        }
        String table = BudgetTable.render(stages);
        Files.writeString(Path.of("target/cost-budget.md"), table);
        System.out.println(table);
        assertThat(stages).allSatisfy(s -> assertThat(s.counts()).isNotEmpty()
                .noneSatisfy((k, v) -> assertThat(k).as("nothing failed or parked").matches("log\\|ERROR .*|log\\|WARN (org\\.disputehub\\.error-policy|hub\\.park)|jms\\|DLQ\\..*")));
    }

    private static Map<String, WireMockServer> servers() {
        return Map.of("110", ALARM110, "12345", HOTLINE, "petition", PETITION, "ODR", ODR, "labor", LABOR);
    }

    private static String status(JdbcTemplate jdbc, String caseId) {
        return jdbc.queryForObject("SELECT status FROM hub_case WHERE case_id = ?", String.class, caseId);
    }

    /** Waits until nothing has been counted for two seconds: the stage's asynchronous work (relays, audit) is done. */
    private static void settle() {
        long[] last = {-1};
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            long now = CostCounters.total();
            boolean quiet = now == last[0];
            last[0] = now;
            return quiet;
        });
    }
}
