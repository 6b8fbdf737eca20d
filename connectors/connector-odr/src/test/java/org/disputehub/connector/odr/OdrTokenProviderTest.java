package org.disputehub.connector.odr;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.disputehub.canonical.connector.ConnectorMetrics;
import org.disputehub.canonical.connector.PermanentFailureException;
import org.disputehub.canonical.connector.TemporaryFailureException;
import org.disputehub.fixtures.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The token cache against WireMock, with a clock the test moves: renewal before expiry, no stampede, 401 handling. */
class OdrTokenProviderTest {

    private static final WireMockServer ODR = started();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String TOKEN = "/oauth/token";
    private static final int THREADS = 16;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T02:00:00Z"));
    private OdrProperties properties;
    private OdrTokenProvider tokens;

    private static WireMockServer started() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort().containerThreads(40));
        server.start();
        return server;
    }

    @AfterAll
    static void stop() {
        ODR.stop();
    }

    @BeforeEach
    void fresh() {
        ODR.resetAll();
        properties = new OdrProperties();
        properties.setBaseUrl(ODR.baseUrl());
        properties.setClientId("hub client");
        properties.setClientSecret("s3cret&=");
        properties.setTokenRenewMargin(Duration.ofSeconds(60));
        properties.setTimeout(Duration.ofSeconds(5));
        tokens = new OdrTokenProvider(HTTP, properties, new ConnectorMetrics(null, Odr.CONNECTOR), clock);
    }

    @Test
    void theTokenIsFetchedWithTheClientCredentialsAndCached() {
        stubTokens("t1");

        assertThat(List.of(tokens.token(), tokens.token(), tokens.token())).containsOnly("t1");

        assertThat(ODR.findAll(postRequestedFor(urlPathEqualTo(TOKEN)))).singleElement().satisfies(r -> {
            assertThat(r.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
            assertThat(r.getBodyAsString())
                    .isEqualTo("grant_type=client_credentials&client_id=hub+client&client_secret=s3cret%26%3D");
        });
    }

    @Test
    void itIsRenewedWithinTheMarginBeforeItExpiresAndAgainAfterExpiry() {
        stubTokens("t1", "t2", "t3");
        assertThat(tokens.token()).isEqualTo("t1");

        clock.advance(Duration.ofSeconds(3539));
        assertThat(tokens.token()).as("61 s left: still fresh").isEqualTo("t1");
        clock.advance(Duration.ofSeconds(2));
        assertThat(tokens.token()).as("59 s left: renewed").isEqualTo("t2");
        clock.advance(Duration.ofSeconds(3601));
        assertThat(tokens.token()).as("expired: fetched").isEqualTo("t3");

        assertThat(ODR.findAll(postRequestedFor(urlPathEqualTo(TOKEN)))).hasSize(3);
    }

    @Test
    void theMarginIsAtMostHalfTheLifetime() {
        ODR.stubFor(post(urlPathEqualTo(TOKEN)).willReturn(okJson(
                "{\"access_token\":\"short\",\"token_type\":\"Bearer\",\"expires_in\":60}")));
        tokens.token();
        clock.advance(Duration.ofSeconds(29));
        tokens.token();
        assertThat(ODR.findAll(postRequestedFor(urlPathEqualTo(TOKEN)))).hasSize(1);
        clock.advance(Duration.ofSeconds(2));
        tokens.token();
        assertThat(ODR.findAll(postRequestedFor(urlPathEqualTo(TOKEN)))).hasSize(2);
    }

    @Test
    void manyThreadsWithoutATokenCauseOneTokenRequest() throws Exception {
        ODR.stubFor(post(urlPathEqualTo(TOKEN)).willReturn(okJson(
                "{\"access_token\":\"only\",\"token_type\":\"Bearer\",\"expires_in\":3600}").withFixedDelay(400)));

        List<String> got = concurrently(tokens::token);

        assertThat(got).hasSize(THREADS).containsOnly("only");
        assertThat(ODR.findAll(postRequestedFor(urlPathEqualTo(TOKEN)))).hasSize(1);
    }

    @Test
    void manyThreadsWhileTheTokenIsDueCauseOneRenewalAndNobodyWaitsForIt() throws Exception {
        stubTokens("t1");
        tokens.token();
        ODR.resetAll();
        ODR.stubFor(post(urlPathEqualTo(TOKEN)).willReturn(okJson(
                "{\"access_token\":\"t2\",\"token_type\":\"Bearer\",\"expires_in\":3600}").withFixedDelay(400)));
        clock.advance(Duration.ofSeconds(3550));

        List<String> got = concurrently(tokens::token);

        assertThat(got).hasSize(THREADS).containsAnyOf("t2").allMatch(t -> t.equals("t1") || t.equals("t2"));
        assertThat(ODR.findAll(postRequestedFor(urlPathEqualTo(TOKEN)))).hasSize(1);
        assertThat(tokens.token()).isEqualTo("t2");
    }

    @Test
    void manyThreadsRejectedWithTheSameTokenCauseOneRenewal() throws Exception {
        stubTokens("t1", "t2", "t3");
        String rejected = tokens.token();

        List<String> got = concurrently(() -> tokens.renewAfterRejection(rejected));

        assertThat(got).containsOnly("t2");
        assertThat(ODR.findAll(postRequestedFor(urlPathEqualTo(TOKEN)))).hasSize(2);
    }

    @Test
    void aCallRejectedWith401IsRetriedOnceWithARenewedToken() {
        stubTokens("t1", "t2", "t3");
        String status = "/api/v1/disputes/ODR-1/status";
        ODR.stubFor(put(urlPathEqualTo(status)).inScenario("401").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(401)).willSetStateTo("renewed"));
        ODR.stubFor(put(urlPathEqualTo(status)).inScenario("401").whenScenarioStateIs("renewed")
                .willReturn(aResponse().withStatus(204)));
        OdrClient client = new OdrClient(HTTP, tokens, properties);

        assertThat(client.putStatus("ODR-1", "{}").statusCode()).isEqualTo(204);

        assertThat(ODR.findAll(putRequestedFor(urlPathEqualTo(status)))).extracting(r -> r.getHeader("Authorization"))
                .containsExactly("Bearer t1", "Bearer t2");
        assertThat(ODR.findAll(postRequestedFor(urlPathEqualTo(TOKEN)))).hasSize(2);
    }

    @Test
    void aSecond401IsReturnedNotRetriedAgain() {
        stubTokens("t1", "t2", "t3");
        ODR.stubFor(put(urlPathEqualTo("/api/v1/disputes/ODR-2/status")).willReturn(aResponse().withStatus(401)));

        assertThat(new OdrClient(HTTP, tokens, properties).putStatus("ODR-2", "{}").statusCode()).isEqualTo(401);

        assertThat(ODR.findAll(putRequestedFor(urlPathEqualTo("/api/v1/disputes/ODR-2/status")))).hasSize(2);
        assertThat(ODR.findAll(postRequestedFor(urlPathEqualTo(TOKEN)))).hasSize(2);
    }

    @Test
    void rejectedCredentialsArePermanentAndAnUnavailableTokenEndpointTemporary() {
        ODR.stubFor(post(urlPathEqualTo(TOKEN)).withRequestBody(containing("client_id"))
                .willReturn(aResponse().withStatus(401).withBody("{\"error\":\"invalid_client\"}")));
        assertThatThrownBy(tokens::token).isInstanceOf(PermanentFailureException.class).hasMessageContaining("HTTP 401");

        ODR.stubFor(post(urlPathEqualTo(TOKEN)).atPriority(1).withHeader("Accept", equalTo("application/json"))
                .willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(tokens::token).isInstanceOf(TemporaryFailureException.class).hasMessageContaining("HTTP 503");

        ODR.stubFor(post(urlPathEqualTo(TOKEN)).atPriority(1).willReturn(okJson("{\"token_type\":\"Bearer\"}")));
        assertThatThrownBy(tokens::token).isInstanceOf(TemporaryFailureException.class).hasMessageContaining("access_token");
    }

    /** Each call returns the next token of the list. */
    private static void stubTokens(String... values) {
        String state = Scenario.STARTED;
        for (int i = 0; i < values.length; i++) {
            String next = "token-" + (i + 1);
            ODR.stubFor(post(urlPathEqualTo(TOKEN)).inScenario("tokens").whenScenarioStateIs(state)
                    .willReturn(okJson("{\"access_token\":\"" + values[i] + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}"))
                    .willSetStateTo(next));
            state = next;
        }
    }

    /** Runs the call on {@link #THREADS} threads released at the same moment. */
    private static List<String> concurrently(Callable<String> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch ready = new CountDownLatch(THREADS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.call();
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<String> out = new ArrayList<>();
            for (Future<String> f : futures) {
                out.add(f.get(20, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
