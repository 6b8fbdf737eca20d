package org.disputehub.hub.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The prod profile reads secrets from a file (HUB_SECRETS_FILE) or a config tree (HUB_SECRETS_DIR) outside the
 * jar: the configuration of application-prod.yml alone, no beans.
 */
class SecretsFileTest {

    @Configuration(proxyBeanMethods = false)
    static class NoBeans {
    }

    @Test
    void prodTakesSecretsFromTheFileAndTheConfigTree(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("secrets.yml");
        Files.writeString(file, """
                ODR_CLIENT_SECRET: odr-secret-from-file
                hub:
                  connectors:
                    labor:
                      api-key: labor-key-from-file
                """);
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Files.writeString(tree.resolve("ZHENGDING_APP_SECRET"), "zhengding-secret-from-tree");

        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(NoBeans.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false).profiles("prod")
                .run("--HUB_SECRETS_FILE=" + file, "--HUB_SECRETS_DIR=" + tree + "/")) {
            Environment env = ctx.getEnvironment();
            assertThat(env.getProperty("hub.connectors.odr.client-secret")).isEqualTo("odr-secret-from-file");
            assertThat(env.getProperty("hub.connectors.labor.api-key")).isEqualTo("labor-key-from-file");
            assertThat(env.getProperty("hub.connectors.zhengding.app-secret")).isEqualTo("zhengding-secret-from-tree");
        }
    }

    @Test
    void withoutAFileTheProdPlaceholdersStayUnresolved() {
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(NoBeans.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false).profiles("prod")
                .run("--HUB_SECRETS_FILE=/nonexistent/secrets.yml", "--HUB_SECRETS_DIR=/nonexistent/tree/")) {
            Environment env = ctx.getEnvironment();
            assertThat(env.getProperty("hub.demo.enabled")).as("the prod profile is active").isEqualTo("false");
            assertThat(env.containsProperty("ODR_CLIENT_SECRET")).isFalse();
        }
    }
}
