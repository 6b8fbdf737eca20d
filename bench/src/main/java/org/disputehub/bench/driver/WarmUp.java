package org.disputehub.bench.driver;

import java.util.Arrays;

/**
 * The warm-up of one target JVM, measured from the moment its process was started: {@code readySeconds} until its
 * health (the bare relay: its readiness) answered, then the warm-up step at {@code offeredRate} (open loop; 0 =
 * all-out, closed loop) from {@code stepStartSeconds}. Seconds are counted from the process start throughout; -1 =
 * not reached within the step (or not applicable).
 * <ul>
 * <li>{@code keepsUpAfterSeconds} (fixed rate): the end of the first 5-s window in which the departments received
 * at least 95 % of the offered rate and after which, at every second until the step ended (at least 10 s later),
 * the target is at most one second of input behind ({@code behind} = inputs due so far − dispatched − failed ≤
 * rate × 1 s).</li>
 * <li>{@code reaches90AfterSeconds} (all-out): the end of the first 5-s window whose dispatch rate reaches 90 % of
 * {@code referenceRate}, the all-out step's rate of the same JVM later in the run (else the warm-up's own last 20 s).</li>
 * </ul>
 * {@code outPerSecond}: dispatches per second of the step; {@code behindPerSecond}: the backlog at each second's end.
 */
public record WarmUp(String config, String target, String jvm, int offeredRate, int seconds, double readySeconds,
                     double stepStartSeconds, double startCpuSeconds, double keepsUpAfterSeconds,
                     double reaches90AfterSeconds, double referenceRate, long[] outPerSecond, long[] behindPerSecond) {

    static final int WINDOW = 5;

    static WarmUp measure(String config, String target, String jvm, int rate, int seconds, double readySeconds,
                          double stepStartSeconds, double startCpuSeconds, Timeline timeline) {
        long[] due = timeline.due();
        long[] done = timeline.done();
        long[] failed = timeline.failed();
        int length = Math.min(seconds, due.length);
        long[] behind = new long[length + 1];
        long sum = 0;
        for (int t = 1; t <= length; t++) {
            sum += due[t - 1] - done[t - 1] - failed[t - 1];
            behind[t] = Math.max(0, sum);
        }
        double keepsUp = -1;
        if (rate > 0) {
            int lastBad = -1;
            for (int t = 0; t <= length; t++) {
                if (behind[t] > rate) {
                    lastBad = t;
                }
            }
            for (int t = Math.max(WINDOW, lastBad + 1); t <= length - 10; t++) {
                if (window(done, t) >= 0.95 * rate * WINDOW) {
                    keepsUp = stepStartSeconds + t;
                    break;
                }
            }
        }
        WarmUp w = new WarmUp(config, target, jvm, rate, seconds, readySeconds, stepStartSeconds, startCpuSeconds,
                keepsUp, -1, 0, Arrays.copyOf(done, length), behind);
        return rate > 0 ? w : w.against(ownRate(done, length));
    }

    /** The all-out warm-up against a reference throughput (the all-out step's dispatch rate). */
    WarmUp against(double reference) {
        if (offeredRate > 0 || reference <= 0) {
            return this;
        }
        double reached = -1;
        for (int t = WINDOW; t <= outPerSecond.length; t++) {
            if (window(outPerSecond, t) >= 0.9 * reference * WINDOW) {
                reached = stepStartSeconds + t;
                break;
            }
        }
        return new WarmUp(config, target, jvm, offeredRate, seconds, readySeconds, stepStartSeconds, startCpuSeconds,
                keepsUpAfterSeconds, reached, reference, outPerSecond, behindPerSecond);
    }

    /** Dispatches per second in each 5-s window of the step, for the report. */
    public long[] outPerWindow() {
        long[] w = new long[outPerSecond.length / WINDOW];
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.round(window(outPerSecond, (i + 1) * WINDOW) / (double) WINDOW);
        }
        return w;
    }

    private static long window(long[] perSecond, int end) {
        long n = 0;
        for (int s = Math.max(0, end - WINDOW); s < Math.min(end, perSecond.length); s++) {
            n += perSecond[s];
        }
        return n;
    }

    private static double ownRate(long[] done, int length) {
        int from = Math.max(0, length - 20);
        long n = 0;
        for (int s = from; s < length; s++) {
            n += done[s];
        }
        return length - from == 0 ? 0 : n / (double) (length - from);
    }
}
