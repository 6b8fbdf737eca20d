package org.disputehub.hub.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.disputehub.hub.HubApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;

/**
 * The whole hub started with {@code --spring.profiles.active=prod} and nothing configured: it stops at once, before
 * Flyway, the broker or any route, with one message naming every missing setting, and exits non-zero. Its log (the
 * production configuration) writes times in hub.time-zone with the offset.
 */
class ProdFailFastTest {

    @Test
    void aBareProdStartExitsNonZeroWithinSecondsNamingEverySetting(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("hub.out");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HubApplication.class.getName(),
                "--spring.profiles.active=prod", "--hub.home=..", "--HUB_SECRETS_FILE=/nonexistent/secrets.yml",
                "--HUB_SECRETS_DIR=/nonexistent/tree/", "--server.port=0",
                // Spring Boot's console logging, as outside the tests, instead of the tests' logback-test.xml
                "--logging.config=classpath:logback-boot-default.xml")
                .redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("HUB_") || k.startsWith("SPRING_") || k.startsWith("ARTEMIS_")
                || ProdSettingsFixture.variables().contains(k));
        long start = System.nanoTime();
        Process hub = pb.start();
        boolean exited = hub.waitFor(90, TimeUnit.SECONDS);
        if (!exited) {
            hub.destroyForcibly();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        String out = Files.readString(output, StandardCharsets.UTF_8);

        assertThat(exited).as("exited; output:%n%s", out).isTrue();
        assertThat(hub.exitValue()).as("exit code").isNotZero();
        // JVM start and class loading included, on a shared machine; the check itself runs before any bean exists
        assertThat(took).as("time to exit").isLessThan(Duration.ofSeconds(60));
        assertThat(out).contains("APPLICATION FAILED TO START",
                "The prod profile cannot start: " + ProdSettingsFixture.variables().size() + " settings are missing");
        for (String variable : ProdSettingsFixture.variables()) {
            assertThat(out).as(variable).containsAnyOf(variable + " (", variable + ", ");
        }
        assertThat(out).as("log times in hub.time-zone with the offset")
                .containsPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+08:00 ERROR");
        assertThat(out).doesNotContain("Flyway", "HikariPool", "Apache Camel", "AMQ", "Started HubApplication");
    }

    @Test
    void nothingIsCreatedInTheDatabaseItWasGiven(@TempDir Path dir) throws SQLException, IOException {
        String url = "jdbc:h2:file:" + dir.resolve("hub") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";

        Throwable failure = catchThrowable(() -> SpringApplication.run(HubApplication.class,
                ProdSettingsFixture.arguments(Map.of(), "--spring.profiles.active=prod", "--server.port=0",
                        "--HUB_DB_URL=" + url, "--HUB_DB_USER=sa", "--hub.data-dir=" + dir)).close());

        assertThat(failure).isInstanceOf(StartupCheckException.class);
        List<String> problems = ((StartupCheckException) failure).problems();
        assertThat(problems).hasSize(ProdSettingsFixture.variables().size() - 2)
                .noneMatch(p -> p.startsWith("HUB_DB_")).anyMatch(p -> p.startsWith("PETITION_SHARED_SECRET "));
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("tables created").isZero();
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no broker journal").doesNotContain("artemis");
        }
    }
}
