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

    record Sample(
            String at,
            double heapAfterGcMb,
            double heapMaxMb,
            int active,
            int idle,
            int pending,
            int total,
            int threads,
            long maxLag,
            long events,
            long tokenBytes) {

        String line() {
            return String.format(
                    Locale.ROOT,
                    "%-9s heap after GC %7.1f MB (max %6.0f MB)  connections active %2d idle %2d "
                            + "pending %2d total %2d  threads %3d  lag %5d  events %7d  tokens %7.1f KB",
                    at,
                    heapAfterGcMb,
                    heapMaxMb,
                    active,
                    idle,
                    pending,
                    total,
                    threads,
                    maxLag,
                    events,
                    tokenBytes / 1024.0);
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
        return new Sample(
                at,
                heap / 1_048_576,
                sum(text, "jvm_memory_max_bytes", "area=\"heap\"") / 1_048_576,
                (int) sum(text, "hikaricp_connections_active", ""),
                (int) sum(text, "hikaricp_connections_idle", ""),
                (int) sum(text, "hikaricp_connections_pending", ""),
                (int) sum(text, "hikaricp_connections", ""),
                (int) sum(text, "jvm_threads_live_threads", ""),
                processors.maxLag(),
                stage.store.count(),
                stage.store.tokenBytes());
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

    /**
     * The live objects' bytes by class ({@code jcmd <pid> GC.class_histogram}, after a full GC), or empty without
     * jcmd: the difference of two says what grew.
     */
    java.util.Map<String, Long> histogram() throws Exception {
        java.util.Map<String, Long> bytes = new java.util.HashMap<>();
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!jcmd.toFile().canExecute()) {
            return bytes;
        }
        Process process = new ProcessBuilder(
                        jcmd.toString(), Long.toString(stage.app().pid()), "GC.class_histogram")
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        for (String line : out.split("\n")) {
            String[] columns = line.trim().split("\\s+");
            // "  12:   3456   789012  java.lang.String (java.base@17)"
            if (columns.length >= 4 && columns[0].endsWith(":")) {
                try {
                    bytes.merge(columns[3], Long.parseLong(columns[2]), Long::sum);
                } catch (NumberFormatException notARow) {
                    // the header or the total
                }
            }
        }
        return bytes;
    }

    /** The classes whose live bytes grew most from {@code before} to {@code after}, one per line. */
    static String growth(java.util.Map<String, Long> before, java.util.Map<String, Long> after, int top) {
        StringBuilder text = new StringBuilder();
        after.entrySet().stream()
                .map(e -> java.util.Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(top)
                .forEach(e -> text.append(String.format(
                        Locale.ROOT,
                        "%n  %+9.1f MB  %s (now %.1f MB)",
                        e.getValue() / 1_048_576.0,
                        e.getKey(),
                        after.get(e.getKey()) / 1_048_576.0)));
        return text.toString();
    }

    private static boolean fullGc(long pid) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!jcmd.toFile().canExecute()) {
            return false;
        }
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run")
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + pid + " GC.run failed: " + out);
        }
        return true;
    }
}
