package org.disputehub.hub.cluster;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Leader election on the shared database: Spring Integration's {@link LockRegistryLeaderInitiator} over a
 * {@link JdbcLockRegistry} ({@code INT_LOCK}, Flyway V11). The initiator starts once Camel has started (so the
 * singleton routes exist) and stops first on shutdown, releasing the lock for the next instance at once. The embedded
 * default (H2, one instance) goes through the same election and wins it at once.
 */
@Configuration(proxyBeanMethods = false)
class LeaderElectionConfiguration {

    @Bean
    SingletonRoutes singletonRoutes(ClusterProperties props) {
        return new SingletonRoutes(props.singletonRoutes());
    }

    @Bean(destroyMethod = "unregister")
    Leadership hubLeadership(ClusterProperties props, SingletonRoutes routes, Clock clock, MeterRegistry meters) {
        return new Leadership(props, routes, clock, meters);
    }

    @Bean
    DefaultLockRepository leaderLockRepository(DataSource dataSource, ClusterProperties props) {
        DefaultLockRepository repository = new DefaultLockRepository(dataSource);
        repository.setRegion(props.region());
        repository.setTimeToLive((int) props.lockTtl().toMillis());
        repository.setTransactionManager(new DataSourceTransactionManager(dataSource));
        return repository;
    }

    @Bean
    JdbcLockRegistry leaderLockRegistry(DefaultLockRepository repository) {
        return new JdbcLockRegistry(repository);
    }

    @Bean
    LockRegistryLeaderInitiator leaderInitiator(JdbcLockRegistry registry, Leadership leadership, ClusterProperties props) {
        LockRegistryLeaderInitiator initiator = new LockRegistryLeaderInitiator(registry, leadership);
        initiator.setHeartBeatMillis(props.heartBeat().toMillis());
        initiator.setBusyWaitMillis(props.busyWait().toMillis());
        initiator.setAutoStartup(false);
        return initiator;
    }

    /** Binds the singleton routes before Camel starts; starts the election once it has. */
    @Bean
    CamelContextConfiguration leaderElectionStart(SingletonRoutes routes, LockRegistryLeaderInitiator initiator) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camel) {
                routes.bind(camel);
                if (!camel.getRoutePolicyFactories().contains(routes)) {
                    camel.addRoutePolicyFactory(routes);
                }
            }

            @Override
            public void afterApplicationStart(CamelContext camel) {
                initiator.start();
            }
        };
    }

    /** Health component {@code leadership}: UP on leader and standby alike, with who leads here and since when. */
    @Bean
    HealthIndicator leadershipHealthIndicator(Leadership leadership) {
        return () -> Health.up()
                .withDetail("leader", leadership.isLeader())
                .withDetail("since", leadership.getSince())
                .withDetail("instanceId", leadership.getInstanceId())
                .withDetail("singletonRoutes", leadership.getSingletonRoutes())
                .build();
    }
}
