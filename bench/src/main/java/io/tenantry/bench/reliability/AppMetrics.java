package io.tenantry.bench.reliability;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The app's figures a soak watches: heap in use right after a full GC (asked of the app's JVM with
 * {@code jcmd <pid> GC.run}, then read from {@code /actuator/prometheus}), the Hikari pool's connections, live
 * threads, and the processors' largest lag.
 */
final class AppMetrics {

    record Sample(String at, double heapAfterGcMb, double heapMaxMb, int active, int idle, int pending, int total,
                  int threads, long maxLag, long events) {

        String line() {
            return String.format(Locale.ROOT, "%-9s heap after GC %7.1f MB (max %6.0f MB)  connections active %2d idle %2d "
                    + "pending %2d total %2d  threads %3d  lag %5d  events %7d", at, heapAfterGcMb, heapMaxMb, active,
                    idle, pending, total, threads, maxLag, events);
        }
    }

    private final Stage stage;
    private final Processors processors;

    AppMetrics(Stage stage, Processors processors) {
        this.stage = stage;
        this.processors = processors;
    }

    Sample sample(String at) throws Exception {
        boolean collected = fullGc(stage.app().pid());
        String text = stage.http.get("/actuator/prometheus", null).body();
        if (text == null) {
            throw new IllegalStateException("no answer from /actuator/prometheus");
        }
        double heap = sum(text, "jvm_memory_used_bytes", "area=\"heap\"");
        if (!collected) {
            // no jcmd: the old generation's size after the last major collection is the next best figure
            heap = sum(text, "jvm_gc_live_data_size_bytes", "");
        }
        return new Sample(at, heap / 1_048_576, sum(text, "jvm_memory_max_bytes", "area=\"heap\"") / 1_048_576,
                (int) sum(text, "hikaricp_connections_active", ""), (int) sum(text, "hikaricp_connections_idle", ""),
                (int) sum(text, "hikaricp_connections_pending", ""), (int) sum(text, "hikaricp_connections", ""),
                (int) sum(text, "jvm_threads_live_threads", ""), processors.maxLag(), stage.store.count());
    }

    /** The sum of a metric's series whose labels contain {@code label} (all when empty). */
    static double sum(String prometheus, String name, String label) {
        double total = 0;
        for (String line : prometheus.split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            String metric = brace > 0 ? line.substring(0, brace) : line.substring(0, Math.max(0, space));
            if (metric.equals(name) && (label.isEmpty() || line.contains(label))) {
                total += Double.parseDouble(line.substring(space + 1));
            }
        }
        return total;
    }

    private static boolean fullGc(long pid) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!jcmd.toFile().canExecute()) {
            return false;
        }
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run").redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + pid + " GC.run failed: " + out);
        }
        return true;
    }
}
