package org.disputehub.hub.startup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A complete, valid set of prod settings (as command-line arguments), and the variables the prod profile needs. */
public final class ProdSettingsFixture {

    /** The department keys of routes/departments-http.yaml. */
    static final List<String> HTTP_DEPARTMENTS = List.of("zf001", "wy001", "lb002", "tj003", "zx000");

    private ProdSettingsFixture() {
    }

    /**
     * Every setting {@code application-prod.yml} and {@code routes/*.yaml} need, with a valid value: the
     * placeholders of application-prod.yml by variable name, the others by property name.
     */
    public static Map<String, String> complete() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("HUB_DB_URL", "jdbc:postgresql://db.example.gov.cn:5432/hub");
        m.put("HUB_DB_USER", "hub");
        m.put("ARTEMIS_URL", "(tcp://mq1.example.gov.cn:61616,tcp://mq2.example.gov.cn:61616)?ha=true");
        m.put("HUB_DUTY_LEADER_USER_IDS", "leader01");
        m.put("HUB_LINKING_KEY_SECRET", "linking-key-secret-0123456789");
        m.put("HOTLINE12345_BASE_URL", "https://12345.example.gov.cn/gateway");
        m.put("HOTLINE12345_APP_KEY", "hub");
        m.put("HOTLINE12345_APP_SECRET", "hotline-secret-0123456789");
        m.put("ALARM110_BASE_URL", "https://jcj.example.gov.cn");
        m.put("ALARM110_API_KEY", "alarm110-key-0123456789");
        m.put("PETITION_BASE_URL", "https://xf.example.gov.cn");
        m.put("PETITION_SHARED_SECRET", "petition-secret-0123456789");
        m.put("ODR_BASE_URL", "https://odr.example.gov.cn");
        m.put("ODR_CLIENT_ID", "hub");
        m.put("ODR_CLIENT_SECRET", "odr-client-secret-0123456789");
        m.put("ODR_WEBHOOK_SECRETS", "odr-webhook-secret-0123456789");
        m.put("LABOR_BASE_URL", "https://ldjc.example.gov.cn");
        m.put("LABOR_API_KEY", "labor-key-0123456789");
        m.put("LABOR_INBOX", "/srv/labor/inbox");
        m.put("ZHENGDING_BASE_URL", "https://oapi.zhengding.example.gov.cn");
        m.put("ZHENGDING_APP_KEY", "hub-app");
        m.put("ZHENGDING_APP_SECRET", "zhengding-secret-0123456789");
        m.put("ZHENGDING_CALLBACK_TOKEN", "zhengding-token-0123456789");
        m.put("ZHENGDING_CALLBACK_AES_KEY", "E9FPK1QGFuI09MZWYSv3jwqKQzoMie32XTF4pAH1PTs");
        // not placeholders of application-prod.yml: by property name (as environment variables they would be
        // HUB_SECURITY_USERS_0_NAME, HUB_DEPARTMENTS_ZF001_TOKEN, …)
        m.put("hub.security.users[0].name", "ops");
        m.put("hub.security.users[0].password", "{noop}ops-password-0123456789");
        m.put("hub.security.users[0].roles[0]", "ADMIN");
        for (String d : HTTP_DEPARTMENTS) {
            m.put("hub.departments." + d + ".base-url", "https://" + d + ".example.gov.cn/cases");
            m.put("hub.departments." + d + ".token", "token-" + d + "-0123456789");
            m.put("hub.departments." + d + ".api-key", "api-key-" + d + "-0123456789");
        }
        m.put("hub.departments.sj001.user-ids", "user01,user02");
        return m;
    }

    /** Every variable the prod profile names when nothing is set. */
    public static List<String> variables() {
        List<String> v = new ArrayList<>();
        complete().keySet().forEach(k -> v.add(k.startsWith("hub.security") ? "HUB_SECURITY_USERS_0_NAME"
                : k.startsWith("hub.") ? k.replace('.', '_').replace('-', '_').toUpperCase() : k));
        return v.stream().distinct().toList();
    }

    /**
     * The settings as {@code --NAME=value} arguments, with no secrets file and hub.home the repository; an extra
     * {@code --NAME=value} replaces the setting of the same name.
     */
    public static String[] arguments(Map<String, String> settings, String... extra) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("HUB_SECRETS_FILE", "/nonexistent/secrets.yml");
        all.put("HUB_SECRETS_DIR", "/nonexistent/tree/");
        all.put("hub.home", "..");
        all.putAll(settings);
        for (String e : extra) {
            int eq = e.indexOf('=');
            all.put(e.substring(2, eq), e.substring(eq + 1));
        }
        List<String> args = new ArrayList<>();
        all.forEach((k, v) -> args.add("--" + k + "=" + v));
        return args.toArray(String[]::new);
    }
}
