package io.tenantry.bench.reliability;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Asks {@code /actuator/health} every half second on a thread of its own (an answer may take seconds while the
 * database is away, and must not stretch the outage), counting the answers by phase.
 */
final class HealthPoller implements AutoCloseable {

    private final Stage stage;
    private final Map<String, Map<String, LongAdder>> answers = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile String phase = "start";
    private volatile String last = "";
    private volatile boolean running = true;

    HealthPoller(Stage stage) {
        this.stage = stage;
        this.thread = new Thread(this::poll, "health-poller");
        thread.setDaemon(true);
        thread.start();
    }

    void phase(String phase) {
        this.phase = phase;
    }

    /** The last answer, e.g. "200 UP". */
    String last() {
        return last;
    }

    /** The answers counted in a phase, e.g. {503 DOWN=12}. */
    Map<String, Long> in(String phase) {
        Map<String, Long> counts = new TreeMap<>();
        answers.getOrDefault(phase, Map.of()).forEach((answer, adder) -> counts.put(answer, adder.sum()));
        return counts;
    }

    private void poll() {
        while (running) {
            String asked = phase;
            String answer = stage.health();
            last = answer;
            answers.computeIfAbsent(asked, p -> new ConcurrentHashMap<>())
                    .computeIfAbsent(answer, a -> new LongAdder())
                    .increment();
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(15_000);
    }
}
