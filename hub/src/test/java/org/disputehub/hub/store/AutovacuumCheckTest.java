package org.disputehub.hub.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class AutovacuumCheckTest {

    @Test
    void warnsOnlyForPostgresqlWithAutovacuumOff() {
        assertThat(new AutovacuumCheck(server("PostgreSQL", "off")).warning()).hasValueSatisfying(w ->
                assertThat(w).contains("autovacuum off").contains("ANALYZE"));
        assertThat(new AutovacuumCheck(server("PostgreSQL", "on")).warning()).isEmpty();
        assertThat(new AutovacuumCheck(server("H2", "off")).warning()).isEmpty();
    }

    @Test
    void readsTheSettingOfARealServer() {
        JdbcTemplate h2 = new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:mem:autovacuum"));
        assertThat(new AutovacuumCheck(h2).warning()).isEmpty();
        JdbcTemplate pg = new JdbcTemplate(new DriverManagerDataSource(
                System.getProperty("hub.test.pg-url", "jdbc:postgresql://127.0.0.1:5432/test"),
                System.getProperty("hub.test.pg-user", "postgres"), ""));
        boolean off = "off".equals(pg.queryForObject("SHOW autovacuum", String.class));
        assertThat(new AutovacuumCheck(pg).warning().isPresent()).isEqualTo(off);
    }

    /** A server that names itself {@code product} and answers {@code SHOW autovacuum} with {@code autovacuum}. */
    private static JdbcTemplate server(String product, String autovacuum) {
        return new JdbcTemplate() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T execute(ConnectionCallback<T> action) {
                return (T) product;
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T queryForObject(String sql, Class<T> type) {
                assertThat(sql).isEqualTo("SHOW autovacuum");
                return (T) autovacuum;
            }
        };
    }
}
