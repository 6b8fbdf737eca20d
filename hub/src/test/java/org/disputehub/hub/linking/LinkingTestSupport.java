package org.disputehub.hub.linking;

import java.io.IOException;
import java.util.List;
import javax.sql.DataSource;
import org.disputehub.canonical.model.CanonicalCase;
import org.disputehub.hub.store.CaseStore;
import org.flywaydb.core.Flyway;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.env.PropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.disputehub.hub.store.H2Store;

/** A migrated store without the application around it, and the linking settings as shipped in application.yml. */
final class LinkingTestSupport {

    static JdbcTemplate h2() {
        return new JdbcTemplate(H2Store.migrated("linking"));
    }

    static JdbcTemplate migrated(DataSource ds, String schema) {
        var flyway = Flyway.configure().dataSource(ds).locations("classpath:db/migration");
        if (schema != null) {
            flyway.schemas(schema);
        }
        flyway.load().migrate();
        return new JdbcTemplate(ds);
    }

    /** Stores {@code n} labelled reports (cases and their keys) and returns them. */
    static List<LabelledReports.Report> storeReports(JdbcTemplate jdbc, int n) {
        MatchKeys keys = new MatchKeys("plan-test");
        CaseStore cases = new CaseStore(jdbc);
        LinkStore store = new LinkStore(jdbc);
        List<LabelledReports.Report> reports = LabelledReports.generate(n);
        for (LabelledReports.Report r : reports) {
            CanonicalCase c = r.data();
            cases.insert(c, c.reportedAt());
            store.saveKeys(c.caseId(), keys.of(c), c.reportedAt());
        }
        return reports;
    }

    static LinkingProperties shippedProperties() {
        try {
            PropertySource<?> yaml = new YamlPropertySourceLoader()
                    .load("application", new ClassPathResource("application.yml")).get(0);
            return new Binder(ConfigurationPropertySources.from(yaml)).bind("hub.linking", LinkingProperties.class)
                    .orElseThrow(() -> new IllegalStateException("no hub.linking in application.yml"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private LinkingTestSupport() {
    }
}
