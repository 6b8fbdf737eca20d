package org.disputehub.hub.dispatch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.disputehub.canonical.connector.HubHeaders;
import org.disputehub.canonical.connector.TemporaryFailureException;
import org.disputehub.hub.department.Department;
import org.disputehub.hub.department.DepartmentRegistry;
import org.disputehub.hub.store.CaseStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.disputehub.hub.store.H2Store;

/**
 * Two copies of one order (a replay of a message parked twice, a redelivery racing a replay) reach the department
 * once: the sender claims the dispatch row for the length of a send, the other copy is told to try again later and
 * then finds the order delivered. A failed send gives its claim up; a claim left by a crashed sender runs out.
 */
class DispatchClaimTest {

    static final String DEPT = "330108-WY-001";
    static final String CASE = "HUB-20261122-000001";

    private WireMockServer department;
    private JdbcTemplate jdbc;
    private CaseStore cases;
    private DispatchHttpSender sender;
    private DefaultCamelContext camel;
    private ExecutorService pool;

    @BeforeEach
    void start() {
        department = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        department.start();
        DriverManagerDataSource ds = H2Store.migrated("claim");
        jdbc = new JdbcTemplate(ds);
        cases = new CaseStore(jdbc);
        cases.insertDispatch(CASE, 1, DEPT, "http", OffsetDateTime.now());
        camel = new DefaultCamelContext();
        Department dept = new Department(DEPT, "物业办", "http", department.baseUrl() + "/depts/" + DEPT, "t0ken",
                "key", "dispatch-" + DEPT.toLowerCase(), Map.of());
        DepartmentRegistry registry = new DepartmentRegistry(camel) {
            @Override
            public Department get(String code) {
                return dept;
            }
        };
        sender = new DispatchHttpSender(registry, cases, HttpClient.newHttpClient(), Duration.ofSeconds(5),
                new DispatchErrorPolicy(Duration.ofSeconds(1), 50, 200, Duration.ofSeconds(60), Clock.systemUTC()));
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stop() throws Exception {
        pool.shutdownNow();
        department.stop();
        camel.close();
    }

    @Test
    void twoCopiesSentAtOnceReachTheDepartmentOnce() throws Exception {
        department.stubFor(post(urlPathEqualTo("/depts/" + DEPT + "/dispatch"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(1500)));
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> copies = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            copies.add(pool.submit(() -> {
                go.await();
                try {
                    sender.process(order());
                    return "sent";
                } catch (TemporaryFailureException e) {
                    return e.getMessage();
                }
            }));
        }
        go.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : copies) {
            outcomes.add(f.get(10, TimeUnit.SECONDS));
        }
        assertThat(outcomes).containsExactlyInAnyOrder("sent",
                "dispatch " + CASE + ":1 to " + DEPT + " is being sent by another copy; tried again later");
        assertThat(deliveries()).isEqualTo(1);

        // the recorder marks it sent; the retried copy finds it delivered and sends nothing
        assertThat(cases.markDispatched(CASE, 1, OffsetDateTime.now())).isTrue();
        sender.process(order());
        assertThat(deliveries()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT claimed_until FROM dispatch WHERE case_id = ?", Object.class, CASE)).isNull();
    }

    @Test
    void aFailedSendGivesItsClaimUpAndAClaimLeftByACrashRunsOut() {
        department.stubFor(post(urlPathEqualTo("/depts/" + DEPT + "/dispatch")).willReturn(status(503)));
        assertThatThrownBy(() -> sender.process(order())).isInstanceOf(TemporaryFailureException.class)
                .hasMessageContaining("HTTP 503");
        assertThat(jdbc.queryForObject("SELECT claimed_until FROM dispatch WHERE case_id = ?", Object.class, CASE))
                .as("released at once").isNull();

        department.stubFor(post(urlPathEqualTo("/depts/" + DEPT + "/dispatch")).willReturn(status(200)));
        sender.process(order());
        assertThat(deliveries()).isEqualTo(2);

        // a sender that died after claiming: its claim holds the order back until the lease is over, not longer
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.update("UPDATE dispatch SET claimed_until = ? WHERE case_id = ?", now.plusSeconds(60), CASE);
        assertThatThrownBy(() -> sender.process(order())).isInstanceOf(TemporaryFailureException.class)
                .hasMessageContaining("being sent by another copy");
        jdbc.update("UPDATE dispatch SET claimed_until = ? WHERE case_id = ?", now.minusSeconds(1), CASE);
        sender.process(order());
        assertThat(deliveries()).isEqualTo(3);
        assertThat(cases.claimDispatch(CASE, 2, now, now.plusSeconds(1))).as("no such dispatch")
                .isEqualTo(CaseStore.Claim.UNKNOWN);
    }

    private Exchange order() {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setHeader(HubHeaders.CASE_ID, CASE);
        exchange.getMessage().setHeader(DispatchHttpSender.DISPATCH_NO, "1");
        exchange.getMessage().setHeader(DispatchHttpSender.DEPT_CODE, DEPT);
        exchange.getMessage().setBody("{\"caseId\":\"" + CASE + "\"}");
        return exchange;
    }

    private int deliveries() {
        return department.findAll(postRequestedFor(urlPathEqualTo("/depts/" + DEPT + "/dispatch"))
                .withHeader("Idempotency-Key", equalTo(CASE + ":1"))).size();
    }
}
