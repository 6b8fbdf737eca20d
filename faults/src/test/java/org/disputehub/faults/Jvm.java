package org.disputehub.faults;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A JVM the fault tests start (the hub, the broker): its output goes to a log file of its own, it is killed with
 * SIGKILL ({@link Process#destroyForcibly()} on Linux) and never outlives the test.
 */
final class Jvm {

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
