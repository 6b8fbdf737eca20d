package org.disputehub.hub.budget;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a case costs, counted: persistent JMS sends per address, database transactions and statements per text,
 * JSON reads and writes per calling method, log lines per logger. Keys are {@code kind|detail}; work done on the
 * hub's scheduler threads (KPI refresh, ops check, SLA clock) is counted apart as {@code background}.
 */
public final class CostCounters {

    public static final String JMS = "jms";
    public static final String TX = "tx";
    public static final String SQL = "sql";
    public static final String JSON_READ = "json-read";
    public static final String JSON_WRITE = "json-write";
    public static final String LOG = "log";
    public static final String BACKGROUND = "background";

    private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();

    private CostCounters() {
    }

    public static void count(String kind, String detail) {
        String thread = Thread.currentThread().getName();
        String key = background(thread) ? BACKGROUND + "|" + kind + " " + detail : kind + "|" + detail;
        COUNTS.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    /** The hub's timers that run whatever the traffic (the leader's lock renewal among them): their work is not a case's. */
    static boolean background(String thread) {
        return thread.startsWith("scheduling-") || thread.startsWith("lock-leadership-") || thread.contains("quartz")
                || thread.contains("hub-ops-check")
                || thread.contains("timer://hotline12345-poll"); // its ticks find nothing; the test runs the cycle that brings the order
    }

    /** The counts since the last call, and a fresh start. */
    public static synchronized Map<String, Long> drain() {
        Map<String, Long> out = new TreeMap<>();
        COUNTS.forEach((k, v) -> {
            long n = v.sumThenReset();
            if (n > 0) {
                out.put(k, n);
            }
        });
        return out;
    }

    /**
     * The sum of the case's counts so far (background work left out: the leader renews its lock every 2 s whatever
     * the traffic), without resetting: to see when the hub has gone quiet.
     */
    public static long total() {
        return COUNTS.entrySet().stream().filter(e -> !e.getKey().startsWith(BACKGROUND + "|"))
                .mapToLong(e -> e.getValue().sum()).sum();
    }
}
