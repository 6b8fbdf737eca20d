package org.disputehub.hub.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two hub instances on one PostgreSQL schema (the machine's, a schema of its own), each with its own Camel context
 * and the same leader election as the hub (production settings: lock TTL 10 s, heart beat 2 s): one leads and runs
 * the singleton route, the other's stays stopped; a leader cut off from the database (as if killed: its lock is not
 * released) is replaced within 15 s, one closed cleanly at once, and the poll never runs on both at the same moment.
 */
class LeaderElectionPostgresTest {

    static final String URL = System.getProperty("hub.test.pg-url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getProperty("hub.test.pg-user", "postgres");
    static final String POLL = "hotline12345-poll";

    private final String schema = "hub_leader_" + Long.toHexString(System.nanoTime());
    private final List<String> overlaps = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger running = new AtomicInteger();
    private Instance a;
    private Instance b;

    @BeforeEach
    void schema() {
        Flyway.configure().dataSource(URL, USER, "").schemas(schema).locations("classpath:db/migration").load().migrate();
    }

    @AfterEach
    void stop() throws Exception {
        for (Instance i : new Instance[] {a, b}) {
            if (i != null) {
                i.close();
            }
        }
        try (HikariDataSource ds = dataSource()) {
            new JdbcTemplate(ds).execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @Test
    void oneLeadsAndAKilledLeaderIsReplacedWithinFifteenSeconds() throws Exception {
        a = new Instance("hub-a");
        b = new Instance("hub-b");
        await("one leader").atMost(Duration.ofSeconds(15)).until(() -> a.leadership.isLeader() ^ b.leadership.isLeader());
        Instance leader = a.leadership.isLeader() ? a : b;
        Instance standby = leader == a ? b : a;
        await("the poll runs on the leader").atMost(Duration.ofSeconds(10)).until(() -> leader.polls.get() >= 3);
        assertThat(leader.status()).isEqualTo(ServiceStatus.Started);
        assertThat(standby.status()).isEqualTo(ServiceStatus.Stopped);
        assertThat(standby.polls).hasValue(0);
        assertThat(standby.leadership.isLeader()).isFalse();
        assertThat(new JdbcTemplate(standby.dataSource).queryForObject("SELECT COUNT(*) FROM int_lock", Integer.class))
                .isEqualTo(1);

        // the leader loses its database as a killed process would: its lock row stays until it expires
        Instant killed = Instant.now();
        leader.dataSource.close();
        await("the standby takes over").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> standby.leadership.isLeader());
        Duration failover = Duration.between(killed, Instant.now());
        await("the poll runs on the new leader").atMost(Duration.ofSeconds(5)).until(() -> standby.polls.get() >= 3);
        assertThat(standby.status()).isEqualTo(ServiceStatus.Started);
        await("the old leader stopped its poll").atMost(Duration.ofSeconds(5)).until(() -> !leader.leadership.isLeader());
        assertThat(leader.status()).isEqualTo(ServiceStatus.Stopped);
        assertThat(failover).isLessThan(Duration.ofSeconds(15));
        assertThat(overlaps).as("polls running on two instances at once").isEmpty();
        System.out.println("leader failover (lock not released): " + failover.toMillis() + " ms");
    }

    @Test
    void aLeaderClosedCleanlyHandsOverAtOnce() throws Exception {
        a = new Instance("hub-a");
        await("a leads").atMost(Duration.ofSeconds(15)).until(() -> a.leadership.isLeader());
        b = new Instance("hub-b");
        await("a polls").atMost(Duration.ofSeconds(10)).until(() -> a.polls.get() >= 2);
        assertThat(b.leadership.isLeader()).isFalse();

        Instant closed = Instant.now();
        a.initiator.stop(); // a clean shutdown: the initiator stops first and gives the lock up
        await("b takes over").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(() -> b.leadership.isLeader());
        await("b polls").atMost(Duration.ofSeconds(5)).until(() -> b.polls.get() >= 2);
        System.out.println("leader hand-over (lock released): " + Duration.between(closed, Instant.now()).toMillis() + " ms");
        assertThat(overlaps).isEmpty();
    }

    private HikariDataSource dataSource() {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(URL + "?currentSchema=" + schema);
        ds.setUsername(USER);
        ds.setPassword("");
        ds.setMaximumPoolSize(3);
        ds.setConnectionTimeout(2000);
        return ds;
    }

    /** One hub instance as far as the election goes: its database pool, Camel context, singleton routes, initiator. */
    private final class Instance implements AutoCloseable {

        final HikariDataSource dataSource = dataSource();
        final DefaultCamelContext camel = new DefaultCamelContext();
        final AtomicInteger polls = new AtomicInteger();
        final Leadership leadership;
        final LockRegistryLeaderInitiator initiator;

        Instance(String id) throws Exception {
            LeaderElectionConfiguration config = new LeaderElectionConfiguration();
            ClusterProperties props = new ClusterProperties(List.of(POLL), Duration.ofSeconds(10), Duration.ofSeconds(2),
                    Duration.ofSeconds(1), "dispute-hub", id);
            SingletonRoutes routes = config.singletonRoutes(props);
            leadership = config.hubLeadership(props, routes, Clock.systemUTC(), new SimpleMeterRegistry());
            DefaultLockRepository repository = config.leaderLockRepository(dataSource, props);
            repository.afterPropertiesSet();
            repository.afterSingletonsInstantiated();
            initiator = config.leaderInitiator(config.leaderLockRegistry(repository), leadership, props);
            routes.bind(camel);
            camel.addRoutePolicyFactory(routes);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("timer:" + id + "?period=100").routeId(POLL).process(e -> {
                        if (running.incrementAndGet() > 1) {
                            overlaps.add(id + " at " + Instant.now());
                        }
                        try {
                            polls.incrementAndGet();
                        } finally {
                            running.decrementAndGet();
                        }
                    });
                    from("timer:" + id + "-other?period=1000").routeId("hub-other").log("${routeId}");
                }
            });
            camel.start();
            assertThat(camel.getRouteController().getRouteStatus("hub-other")).isEqualTo(ServiceStatus.Started);
            initiator.start();
        }

        ServiceStatus status() {
            return camel.getRouteController().getRouteStatus(POLL);
        }

        @Override
        public void close() {
            initiator.stop();
            camel.stop();
            dataSource.close();
        }
    }
}
