package org.disputehub.bench.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU and resident memory of a process from {@code /proc}: CPU = utime + stime of {@code /proc/{pid}/stat} (clock
 * ticks, 100 a second on Linux), RSS = {@code VmRSS} of {@code /proc/{pid}/status}.
 */
final class ProcStats {

    private static final double TICKS_PER_SECOND = 100.0;

    private ProcStats() {
    }

    /** CPU seconds used so far by the process (user + system). */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Resident set size in MiB. */
    static double rssMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    /** The 1-minute load average and the whole line of {@code /proc/loadavg}. */
    static String loadavg() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }
}
