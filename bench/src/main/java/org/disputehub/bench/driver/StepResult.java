package org.disputehub.bench.driver;

import java.util.Map;

/**
 * One measured step: a configuration (embedded | prod), a target (hub | bare), an offered rate (cases/s, 0 for
 * all-out). Latencies in milliseconds; {@code fromIntended*} count from the intended send time instead of the
 * acceptance. {@code clearSeconds} (surge only, else -1): from the step's start until the department received the
 * last of its cases that came (those that did not, within a minute of quiet: {@code calls["surge-not-dispatched"]}). {@code cpuCores} = CPU seconds of the target JVM per wall second during the window (1.0 = one core).
 */
public record StepResult(String config, String target, String label, int offeredRate, int seconds,
                         long accepted, double inputRate, double dispatchRate, long received, long failed,
                         long outstandingAtEnd, double drainSeconds, boolean sustained,
                         double p50, double p90, double p99, double p999, double max,
                         double fromIntendedP99, double fromIntendedMax,
                         double cpuCores, double rssMaxMiB, double driverCpuCores,
                         String loadStart, String loadEnd, Map<String, Long> failures, Map<String, Long> calls,
                         Map<String, String> bySystem, double clearSeconds) {
}
