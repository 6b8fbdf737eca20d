package org.disputehub.hub.startup;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Reads settings as Spring will bind them (environment, secrets file, config tree, YAML, relaxed names) and
 * says which environment variable sets each: the placeholder's variable in {@code application-prod.yml} when the
 * setting is a placeholder there, else the relaxed name ({@code hub.linking.key-secret} → {@code HUB_LINKING_KEY_SECRET}).
 * An unresolvable placeholder stays as its text, as the binder leaves it; {@link #unresolved(String)} finds it.
 */
final class Settings {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)(?::[^}]*)?}");

    private final ConfigurableEnvironment env;
    private final Binder binder;

    Settings(ConfigurableEnvironment env) {
        this.env = env;
        this.binder = Binder.get(env);
    }

    /** The value as bound, placeholders resolved where they can be; null when the setting is absent. */
    String value(String property) {
        return binder.bind(property, String.class).orElse(null);
    }

    List<String> values(String property) {
        return binder.bind(property, Bindable.listOf(String.class)).orElse(List.of());
    }

    boolean flag(String property, boolean otherwise) {
        return binder.bind(property, Boolean.class).orElse(otherwise);
    }

    <T> Optional<T> bind(String property, Bindable<T> type) {
        return Optional.ofNullable(binder.bind(property, type).orElse(null));
    }

    /** The names of every configured setting under the prefixes, from the enumerable sources (files, arguments). */
    Set<String> names(String... prefixes) {
        Set<String> names = new TreeSet<>();
        for (PropertySource<?> source : env.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> e && !(source instanceof SystemEnvironmentPropertySource)) {
                for (String name : e.getPropertyNames()) {
                    for (String prefix : prefixes) {
                        if (name.startsWith(prefix)) {
                            names.add(name);
                        }
                    }
                }
            }
        }
        return names;
    }

    /** Whether the value still holds a {@code ${…}} placeholder (unset variable, or a literal one). */
    static boolean unresolved(String value) {
        return value != null && value.contains("${");
    }

    /** The environment variable that sets the property (see the class comment). */
    String variable(String property) {
        String raw = raw(property);
        if (raw != null) {
            Matcher m = VARIABLE.matcher(raw.trim());
            if (m.matches()) {
                return m.group(1);
            }
        }
        return variableOf(property);
    }

    /** The value before placeholder resolution, from the first source that has it. */
    String raw(String property) {
        ConfigurationPropertyName name = ConfigurationPropertyName.of(property);
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(env)) {
            var found = source.getConfigurationProperty(name);
            if (found != null && found.getValue() != null) {
                return found.getValue().toString();
            }
        }
        return null;
    }

    /** Spring's relaxed environment-variable name of a property. */
    static String variableOf(String property) {
        return property.replace("[", "_").replace("]", "").replace('.', '_').replace('-', '_')
                .toUpperCase(Locale.ROOT);
    }
}
