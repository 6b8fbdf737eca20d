package org.disputehub.hub;

import org.junit.jupiter.api.AfterAll;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same 12345 closed loop against the machine's real PostgreSQL (127.0.0.1:5432, database {@code test}),
 * in a schema of its own that is dropped afterwards.
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

    @AfterAll
    static void dropSchema() {
        new JdbcTemplate(new DriverManagerDataSource(URL, System.getProperty("hub.test.pg-user", "postgres"), ""))
                .execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }
}
