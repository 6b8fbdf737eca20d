package org.disputehub.hub;

import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same 12345 closed loop against the machine's real PostgreSQL (127.0.0.1:5432, database {@code test}),
 * in a schema of its own that is dropped afterwards — when the context closes, after its routes have stopped (a
 * drop while the hub still polls and applies deadlocks with the hub's transactions).
 */
@ActiveProfiles("test")
class HotlineClosedLoopPostgresTest extends ClosedLoopTestBase {

    static final String URL = System.getProperty("hub.test.pg-url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String SCHEMA = "hub_e2e_" + Long.toHexString(System.nanoTime());

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> URL + "?currentSchema=" + SCHEMA);
        registry.add("spring.datasource.username", () -> System.getProperty("hub.test.pg-user", "postgres"));
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.flyway.schemas", () -> SCHEMA);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class SchemaDrop {

        /** Destroyed before the DataSource it uses and after the routes (lifecycle beans) have stopped. */
        @Bean
        DisposableBean dropSchemaOnClose(DataSource dataSource) {
            return () -> new JdbcTemplate(dataSource).execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }
}
