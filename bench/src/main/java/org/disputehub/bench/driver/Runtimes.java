package org.disputehub.bench.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Java runtime of the hub and the relay: {@code --java=auto} (the default) takes the newest JDK of version
 * {@value #AOT_FEATURE} or later under {@code /usr/lib/jvm} — the one whose AOT cache (JEP 483/514/515) lets the
 * hub start with its hot path compiled — else the driver's own runtime. The feature version is read from the JDK's
 * {@code release} file.
 */
final class Runtimes {

    /** The first Java feature release with {@code -XX:AOTCacheOutput} (one-step training, JEP 514). */
    static final int AOT_FEATURE = 25;

    private static final Pattern VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);

    private Runtimes() {
    }

    /** {@code auto}: the newest JDK ≥ {@value #AOT_FEATURE} under /usr/lib/jvm, else null (the driver's runtime). */
    static Path resolve(String option) {
        if (option != null && !option.equals("auto")) {
            return Path.of(option);
        }
        try (Stream<Path> homes = Files.list(Path.of("/usr/lib/jvm"))) {
            return homes.filter(h -> Files.isExecutable(h.resolve("bin/java")))
                    .filter(h -> feature(h) >= AOT_FEATURE)
                    .max(Comparator.comparingInt(Runtimes::feature))
                    .map(h -> h.resolve("bin/java"))
                    .orElse(null);
        } catch (IOException noJvmDirectory) {
            return null;
        }
    }

    /** The feature version of {@code java} (null: the driver's own runtime); 0 when it cannot be told. */
    static int featureOf(Path java) {
        if (java == null) {
            return Runtime.version().feature();
        }
        Path home = java.toAbsolutePath().getParent().getParent();
        return feature(home);
    }

    /** {@code java} (null: the driver's own runtime) and its feature version, for the console. */
    static String describe(Path java) {
        return (java != null ? java.toString() : System.getProperty("java.home")) + " (Java " + featureOf(java) + ")";
    }

    private static int feature(Path home) {
        try {
            Matcher m = VERSION.matcher(Files.readString(home.resolve("release")));
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException | RuntimeException unreadable) {
            return 0;
        }
    }
}
