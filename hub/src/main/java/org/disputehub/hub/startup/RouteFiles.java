package org.disputehub.hub.startup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The department declarations on disk ({@code camel.main.routes-include-pattern}, by default
 * {@code file:${hub.home}/routes/*.yaml}) read as text, before Camel loads them: which folders are missing, and every
 * {@code {{key}}} or {@code {{key:default}}} placeholder with its file and line.
 */
final class RouteFiles {

    static final String PATTERN_PROPERTY = "camel.main.routes-include-pattern";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\??)([^}:]+)(?::([^}]*))?}}");
    /** Camel property functions ({@code {{env:X}}}, {@code {{sys:x}}} …): not keys of the environment. */
    private static final List<String> FUNCTIONS = List.of("env", "sys", "bean", "service", "service.host",
            "service.port", "ref");

    /** One placeholder of a route file: where it is, its key and the default after ':' (null without one). */
    record Placeholder(String where, String key, String defaultValue) {

        /** The environment variable Spring maps to {@code key}: upper case, '.' and '-' as '_'. */
        String variable() {
            return Settings.variableOf(key);
        }
    }

    private final List<String> missingFolders = new ArrayList<>();
    private final List<Placeholder> placeholders = new ArrayList<>();

    private RouteFiles() {
    }

    /** Reads the route files the environment names; an unset pattern reads nothing. */
    static RouteFiles read(Environment env) {
        RouteFiles files = new RouteFiles();
        String patterns = env.getProperty(PATTERN_PROPERTY, "");
        for (String pattern : patterns.split(",")) {
            pattern = pattern.trim();
            if (pattern.startsWith("file:")) {
                files.readFilePattern(env, pattern);
            }
        }
        return files;
    }

    List<String> missingFolders() {
        return missingFolders;
    }

    List<Placeholder> placeholders() {
        return placeholders;
    }

    private void readFilePattern(Environment env, String pattern) {
        String location = pattern.substring("file:".length());
        int slash = location.lastIndexOf('/');
        Path folder = Path.of(slash < 0 ? "." : location.substring(0, Math.max(slash, 1)));
        boolean glob = location.indexOf('*', slash + 1) >= 0;
        Path target = glob ? folder : Path.of(location);
        if (!Files.exists(target)) {
            missingFolders.add((glob ? "folder " : "file ") + target.toAbsolutePath().normalize() + " does not exist ("
                    + PATTERN_PROPERTY + " = " + pattern + ", hub.home = " + env.getProperty("hub.home", ".")
                    + "): start the hub in its home folder or set hub.home (HUB_HOME) to the folder holding routes/ and"
                    + " mappings/");
            return;
        }
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                readFile(r.getFile().toPath());
            }
        } catch (IOException e) {
            missingFolders.add(pattern + ": cannot be read: " + e.getMessage());
        }
    }

    private void readFile(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String name = shortName(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.stripLeading().startsWith("#")) {
                continue;
            }
            Matcher m = PLACEHOLDER.matcher(line);
            while (m.find()) {
                String key = m.group(2).trim();
                if (m.group(1).isEmpty() && !FUNCTIONS.contains(key)) {
                    placeholders.add(new Placeholder(name + ":" + (i + 1), key, m.group(3)));
                }
            }
        }
    }

    /** {@code routes/departments-http.yaml} rather than the absolute path, as an operator reads the folder. */
    private static String shortName(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        return parent == null || parent.getFileName() == null ? abs.toString()
                : parent.getFileName() + "/" + abs.getFileName();
    }
}
