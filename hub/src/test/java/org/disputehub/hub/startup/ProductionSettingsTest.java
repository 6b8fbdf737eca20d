package org.disputehub.hub.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The prod profile's settings check ({@link EarlyStartupCheck}): the configuration of application.yml and
 * application-prod.yml with the routes/ of the repository, no beans — the check runs before any would exist.
 */
class ProductionSettingsTest {

    @Configuration(proxyBeanMethods = false)
    static class NoBeans {
    }

    private static ConfigurableApplicationContext start(String profile, String... args) {
        return new SpringApplicationBuilder(NoBeans.class).web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false).profiles(profile).run(args);
    }

    private static StartupCheckException refused(Map<String, String> settings, String... extra) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(
                () -> start("prod", ProdSettingsFixture.arguments(settings, extra)).close());
        assertThat(t).isInstanceOf(StartupCheckException.class);
        return (StartupCheckException) t;
    }

    private static Map<String, String> completeWithout(String... keys) {
        Map<String, String> m = new LinkedHashMap<>(ProdSettingsFixture.complete());
        List.of(keys).forEach(m::remove);
        return m;
    }

    /** Where the route files use the key: {@code routes/departments-http.yaml:17}. */
    private static String at(String key) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("../routes/departments-http.yaml"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("{{" + key + ":")) {
                return "routes/departments-http.yaml:" + (i + 1);
            }
        }
        throw new IllegalStateException(key + " is not used in routes/departments-http.yaml");
    }

    @Test
    void nothingSetNamesEveryMissingSettingInOneError() throws IOException {
        StartupCheckException e = refused(Map.of());

        List<String> variables = ProdSettingsFixture.variables();
        assertThat(e.problems()).hasSize(variables.size());
        for (String v : variables) {
            assertThat(e.problems()).as(v).anyMatch(p -> p.startsWith(v + " ") || p.startsWith(v + ","));
        }
        assertThat(e.getMessage()).contains("cannot start: " + variables.size() + " settings are missing or refused",
                "HUB_DB_URL (spring.datasource.url): not set", "ARTEMIS_URL (spring.artemis.broker-url): not set",
                "PETITION_SHARED_SECRET (hub.connectors.petition.shared-secret): not set",
                "HUB_DEPARTMENTS_ZF001_API_KEY (hub.departments.zf001.api-key): not set (used at"
                        + " " + at("hub.departments.zf001.api-key") + "; its default there is a demo value, not used in prod)");
    }

    @Test
    void completeSettingsPass() {
        try (ConfigurableApplicationContext ctx = start("prod", ProdSettingsFixture.arguments(ProdSettingsFixture.complete()))) {
            assertThat(ctx.getEnvironment().getProperty("hub.connectors.petition.shared-secret"))
                    .isEqualTo("petition-secret-0123456789");
        }
    }

    @Test
    void oneSecretMissingIsTheOneNamed() {
        StartupCheckException e = refused(completeWithout("PETITION_SHARED_SECRET"));

        assertThat(e.problems()).containsExactly("PETITION_SHARED_SECRET (hub.connectors.petition.shared-secret): not set"
                + " (the value is still the placeholder ${PETITION_SHARED_SECRET})");
    }

    @Test
    void aLiteralPlaceholderIsNotASecretNorAUrl() throws IOException {
        StartupCheckException e = refused(ProdSettingsFixture.complete(), "--HUB_LINKING_KEY_SECRET=${LINKING_KEY}",
                "--hub.departments.wy001.base-url=${WY001_URL}");

        assertThat(e.problems()).containsExactly(
                "HUB_LINKING_KEY_SECRET (hub.linking.key-secret): not set (the value is still the placeholder ${LINKING_KEY})",
                "HUB_DEPARTMENTS_WY001_BASE_URL (hub.departments.wy001.base-url): not set (the value is still the"
                        + " placeholder ${WY001_URL}) (used at " + at("hub.departments.wy001.base-url") + "; its default there is a"
                        + " demo value, not used in prod)");
    }

    @Test
    void shortSecretsAreRefused() throws IOException {
        StartupCheckException e = refused(ProdSettingsFixture.complete(), "--ODR_CLIENT_SECRET=short",
                "--ODR_WEBHOOK_SECRETS=odr-webhook-secret-0123456789,tiny", "--hub.departments.tj003.token=demo-token");

        assertThat(e.problems()).containsExactlyInAnyOrder(
                "ODR_CLIENT_SECRET (hub.connectors.odr.client-secret): too short: a secret needs at least 16 characters",
                "ODR_WEBHOOK_SECRETS (hub.connectors.odr.webhook-secrets): too short: a secret needs at least 16 characters",
                "HUB_DEPARTMENTS_TJ003_TOKEN (hub.departments.tj003.token): too short: a secret needs at least 16"
                        + " characters (used at " + at("hub.departments.tj003.token") + "; its default there is a demo value, not"
                        + " used in prod)");
    }

    @Test
    void noUserAndNoDatabaseAreNamed() {
        StartupCheckException e = refused(completeWithout("HUB_DB_URL", "hub.security.users[0].name",
                "hub.security.users[0].password", "hub.security.users[0].roles[0]"));

        assertThat(e.problems()).containsExactly("HUB_DB_URL (spring.datasource.url): not set (the value is still the"
                + " placeholder ${HUB_DB_URL})", "HUB_SECURITY_USERS_0_NAME, _PASSWORD, _ROLES_0 (hub.security.users):"
                + " no user configured; the console and the API need at least one");
    }

    @Test
    void theDemoPasswordIsRefused() {
        StartupCheckException e = refused(ProdSettingsFixture.complete(), "--hub.security.users[0].password={noop}admin");

        assertThat(e.problems()).containsExactly("HUB_SECURITY_USERS_0_NAME, _PASSWORD, _ROLES_0 (hub.security.users):"
                + " user 0: the documented demo password is refused");
    }

    @Test
    void aDisabledConnectorNeedsNothing() {
        Map<String, String> settings = completeWithout("LABOR_BASE_URL", "LABOR_API_KEY", "LABOR_INBOX");
        try (ConfigurableApplicationContext ctx = start("prod", ProdSettingsFixture.arguments(settings,
                "--hub.connectors.labor.enabled=false"))) {
            assertThat(ctx.isActive()).isTrue();
        }
    }

    @Test
    void theInitializerAloneRefusesAPlaceholderLeftAsText() {
        StandardEnvironment env = new StandardEnvironment();
        env.setActiveProfiles("prod");
        env.getPropertySources().addFirst(new MapPropertySource("test", Map.of(
                "spring.datasource.url", "jdbc:postgresql://db/hub", "spring.datasource.username", "hub",
                "spring.artemis.broker-url", "tcp://mq:61616", "hub.duty-leader-user-ids", "leader01",
                "hub.linking.enabled", "false", "hub.security.users[0].name", "ops",
                "hub.security.users[0].password", "{noop}ops-password-0123456789",
                "hub.connectors.petition.enabled", "true", "hub.connectors.petition.base-url", "https://xf.example.gov.cn",
                "hub.connectors.petition.shared-secret", "${PETITION_SHARED_SECRET}")));
        GenericApplicationContext context = new GenericApplicationContext();
        context.setEnvironment(env);

        assertThatThrownBy(() -> new EarlyStartupCheck().initialize(context))
                .isInstanceOf(StartupCheckException.class)
                .satisfies(t -> assertThat(((StartupCheckException) t).problems()).containsExactly(
                        "PETITION_SHARED_SECRET (hub.connectors.petition.shared-secret): not set (the value is still"
                                + " the placeholder ${PETITION_SHARED_SECRET})"));
        assertThat(context.isActive()).isFalse();
    }

    @Test
    void startedFromAnotherFolderTheMessageNamesHubHome() {
        assertThatThrownBy(() -> start("default", "--hub.home=/nonexistent-home").close())
                .isInstanceOf(StartupCheckException.class)
                .hasMessageContaining("folder /nonexistent-home/routes does not exist")
                .hasMessageContaining("set hub.home (HUB_HOME)")
                .hasMessageContaining("folder /nonexistent-home/mappings does not exist");
    }
}
