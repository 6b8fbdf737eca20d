package org.disputehub.hub.store;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The store without the application around it: a fresh in-memory H2 in the hub's embedded mode, migrated. */
public final class H2Store {

    private H2Store() {
    }

    /** Every migration applied; {@code name} tells the database apart in a failure's message. */
    public static DriverManagerDataSource migrated(String name) {
        return migrated(name, null);
    }

    /** The migrations up to {@code version} (all when null). */
    public static DriverManagerDataSource migrated(String name, String version) {
        DriverManagerDataSource ds = new DriverManagerDataSource("jdbc:h2:mem:" + name + "-" + System.nanoTime()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        var flyway = Flyway.configure().dataSource(ds).locations("classpath:db/migration");
        if (version != null) {
            flyway.target(version);
        }
        flyway.load().migrate();
        return ds;
    }
}
