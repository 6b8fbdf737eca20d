package org.disputehub.bench.driver;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A JVM the benchmark starts (the hub, the bare relay, the broker): its output to a log file, stopped by its pid. */
final class Jvm implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;
    private final long startedNanos;

    private Jvm(String name, Process process, Path log, long startedNanos) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.startedNanos = startedNanos;
    }

    /** Starts {@code java} (null: the driver's own runtime) with the arguments; {@link #startedNanos()} is now. */
    static Jvm start(String name, Path java, List<String> jvmArgs, List<String> appArgs, Map<String, String> env,
                     Path log) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add((java != null ? java : Path.of(System.getProperty("java.home"), "bin", "java")).toString());
        cmd.addAll(jvmArgs);
        cmd.addAll(appArgs);
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        System.out.println("  starting " + name + " (log " + log + ")" + (jvmArgs.isEmpty() ? "" : " " + jvmArgs));
        long started = System.nanoTime();
        return new Jvm(name, pb.start(), log, started);
    }

    /** When the process was started (System.nanoTime). */
    long startedNanos() {
        return startedNanos;
    }

    long pid() {
        return process.pid();
    }

    /** Waits until {@code url} answers 2xx (or 401/403: up but secured), failing if the JVM exits first. */
    void awaitHttp(String url, Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                int s = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (s / 100 == 2 || s == 401 || s == 403) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IOException(name + " not up after " + timeout + "; see " + log);
    }

    /** Waits for the JVM to exit on its own (a tool, not a server): its exit code, -1 if still running. */
    int await(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    /** Waits until the TCP port accepts connections. */
    void awaitPort(int port, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(300);
            }
        }
        throw new IOException(name + " not listening on " + port + " after " + timeout + "; see " + log);
    }

    @Override
    public void close() throws InterruptedException {
        close(Duration.ofSeconds(30));
    }

    /** Asks the JVM to stop (SIGTERM) and waits up to {@code grace} for it before killing it. */
    void close(Duration grace) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            System.err.println("  " + name + " did not stop within " + grace + ": killed");
            process.destroyForcibly();
            process.waitFor();
        }
    }

    static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
