package org.disputehub.faults;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A JVM the fault tests start (the hub, the broker): its output goes to a log file of its own, it is killed with
 * SIGKILL ({@link Process#destroyForcibly()} on Linux) and never outlives the test.
 */
final class Jvm implements AutoCloseable {

    private final String name;
    private final List<String> command;
    private final Path logDir;
    private Process process;
    private int starts;

    Jvm(String name, Path logDir, List<String> jvmOptions, Path jar, List<String> args) {
        this.name = name;
        this.logDir = logDir;
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-jar");
        cmd.add(jar.toString());
        cmd.addAll(args);
        this.command = List.copyOf(cmd);
    }

    synchronized void start() throws IOException {
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + "-" + (++starts) + ".log");
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** kill -9, and wait (bounded) until the process is gone so its ports are free again. */
    synchronized void kill() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " (pid " + process.pid() + ") did not die within 30 s of SIGKILL");
        }
    }

    /**
     * Starts this JVM (a hub) and waits, at most {@code max}, until {@code baseUrl}/actuator/health answers 200 UP;
     * fails at once when the process dies meanwhile. Returns how long it took.
     */
    Duration startHealthy(String baseUrl, Duration max) throws IOException {
        Instant begin = Instant.now();
        start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        await(name + " healthy (" + lastLog() + ")").atMost(max).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!isAlive()) {
                throw new IllegalStateException(name + " died at start, see " + lastLog());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                return r.statusCode() == 200 && r.body().contains("\"UP\"");
            } catch (IOException e) {
                return false;
            }
        });
        return Duration.between(begin, Instant.now());
    }

    /** kill -9 (the clean-up of a test). */
    @Override
    public void close() throws InterruptedException {
        kill();
    }

    /** Closes each of {@code stops} that is not null, logging (not throwing) what fails, so every one is tried. */
    static void closeAll(AutoCloseable... stops) {
        for (AutoCloseable s : stops) {
            try {
                if (s != null) {
                    s.close();
                }
            } catch (Exception e) {
                System.err.println("faults clean-up: " + e);
            }
        }
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    int starts() {
        return starts;
    }

    String name() {
        return name;
    }

    Path lastLog() {
        return logDir.resolve(name + "-" + starts + ".log");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    static String property(String key) {
        String value = System.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + key + " is not set (the faults module's surefire"
                    + " configuration sets it)");
        }
        return value;
    }
}
