package io.tenantry.bench;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Requests at a fixed rate whatever the answers' pace (open loop), each timed from the instant it was due, so a
 * slow answer that holds later requests back shows in their latency too (no coordinated omission).
 */
final class OpenLoop {

    interface Request {
        /** Sends request number {@code i}; true when the answer was the expected one. */
        boolean send(long i) throws Exception;
    }

    record Result(double offeredPerSecond, double answeredPerSecond, Stats latency, long wrong, long dropped) {}

    static Result run(int perSecond, int seconds, int threads, Request request) throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(threads);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong wrong = new AtomicLong();
        AtomicLong dropped = new AtomicLong();
        long total = (long) perSecond * seconds;
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long start = System.nanoTime();
        // a server that cannot keep up leaves requests queued here: those still waiting 10 s after the last one was
        // due are not sent (counted as dropped), so the run ends
        long giveUpAt = start + TimeUnit.SECONDS.toNanos(seconds + 10L);
        for (long i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 200_000) {
                TimeUnit.NANOSECONDS.sleep(wait - 100_000);
            }
            long number = i;
            workers.execute(() -> {
                if (System.nanoTime() > giveUpAt) {
                    dropped.incrementAndGet();
                    return;
                }
                try {
                    if (!request.send(number)) {
                        wrong.incrementAndGet();
                    }
                } catch (Exception e) {
                    wrong.incrementAndGet();
                }
                latencies.add(System.nanoTime() - due);
            });
        }
        workers.shutdown();
        workers.awaitTermination(2, TimeUnit.MINUTES);
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Result(
                perSecond,
                latencies.size() / elapsed,
                new Stats(latencies.stream().mapToLong(Long::longValue).toArray()),
                wrong.get(),
                dropped.get());
    }

    /** {@code clients} clients asking back to back for {@code seconds}: the most this endpoint answers per second. */
    static double closedLoop(int clients, int seconds, Request request) throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(clients);
        AtomicLong answered = new AtomicLong();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        AtomicLong counter = new AtomicLong();
        for (int c = 0; c < clients; c++) {
            workers.execute(() -> {
                while (System.nanoTime() < until) {
                    try {
                        request.send(counter.incrementAndGet());
                        answered.incrementAndGet();
                    } catch (Exception ignored) {
                        // counted by the open-loop run; here only the pace matters
                    }
                }
            });
        }
        workers.shutdown();
        workers.awaitTermination(2, TimeUnit.MINUTES);
        return answered.get() / (double) seconds;
    }

    /** What a measured closed loop gave: expected answers per second and the app's CPU seconds per answer. */
    record Measured(double perSecond, double cpuPerAnswer) {}

    /**
     * {@link #closedLoop} with the app's CPU over it (from /proc) per expected answer; any other answer fails the run,
     * named by {@code what}.
     */
    static Measured measuredClosedLoop(RunningApp app, int clients, int seconds, String what, Request request)
            throws Exception {
        AtomicLong expected = new AtomicLong();
        AtomicLong other = new AtomicLong();
        double cpuBefore = app.cpuSeconds();
        closedLoop(clients, seconds, i -> {
            boolean ok = request.send(i);
            (ok ? expected : other).incrementAndGet();
            return ok;
        });
        double cpu = app.cpuSeconds() - cpuBefore;
        if (other.get() > 0) {
            throw new IllegalStateException(
                    other.get() + " " + what + " did not get the expected answer in the closed loop");
        }
        return new Measured(expected.get() / (double) seconds, cpu / expected.get());
    }

    private OpenLoop() {}
}
