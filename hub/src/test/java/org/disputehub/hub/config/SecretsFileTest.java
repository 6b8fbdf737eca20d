package org.disputehub.hub.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.disputehub.hub.startup.ProdSettingsFixture;
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
 * jar: the configuration of application-prod.yml alone, no beans. (Without them, every unset one is named:
 * startup/ProductionSettingsTest.)
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

        Map<String, String> others = new LinkedHashMap<>(ProdSettingsFixture.complete());
        others.keySet().removeAll(List.of("ODR_CLIENT_SECRET", "hub.connectors.labor.api-key", "LABOR_API_KEY",
                "ZHENGDING_APP_SECRET"));
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(NoBeans.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false).profiles("prod")
                .run(ProdSettingsFixture.arguments(others, "--HUB_SECRETS_FILE=" + file,
                        "--HUB_SECRETS_DIR=" + tree + "/"))) {
            Environment env = ctx.getEnvironment();
            assertThat(env.getProperty("hub.connectors.odr.client-secret")).isEqualTo("odr-secret-from-file");
            assertThat(env.getProperty("hub.connectors.labor.api-key")).isEqualTo("labor-key-from-file");
            assertThat(env.getProperty("hub.connectors.zhengding.app-secret")).isEqualTo("zhengding-secret-from-tree");
        }
    }
}
