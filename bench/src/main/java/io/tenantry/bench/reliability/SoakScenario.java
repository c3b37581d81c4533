package io.tenantry.bench.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 6, {@code soak}: minutes of steady paced load (writes and reads). Heap after a full GC, the connection
 * pool and the processors' lag are sampled before the load, every minute and at the end: the heap and the pool stay
 * flat (the end against the first minute, once warmed up), no connection is left in use once the load stops, and the
 * lag stays bounded and drains.
 */
final class SoakScenario extends Scenario {

    SoakScenario() {
        super("soak", "steady load for minutes");
    }

    @Override
    void exercise(Stage stage, Options options, Report report) throws Exception {
        double minutes = options.decimal("soak-minutes", 10);
        double rate = options.decimal("rate", 60);
        double readShare = options.decimal("read-share", 0.5);
        int clients = options.integer("clients", 12);
        long maxLagAllowed = options.integer("max-lag", 5_000);
        double heapGrowthAllowedMb = options.decimal("max-heap-growth-mb", 64);
        Processors processors = stage.processors();
        AppMetrics metrics = new AppMetrics(stage, processors);

        List<AppMetrics.Sample> samples = new ArrayList<>();
        samples.add(metrics.sample("start"));
        report.progress(samples.get(0).line());
        RecordedLoad load = new RecordedLoad(stage.http, stage.owner(), clients, rate, readShare);
        report.load(load.describe() + String.format(Locale.ROOT, " for %.1f minutes", minutes));
        load.start();
        long started = System.nanoTime();
        long end = started + (long) (minutes * 60e9);
        long maxLag = 0;
        java.util.Map<String, Long> maxByProcessor = new java.util.TreeMap<>();
        java.util.Map<String, Long> warmHistogram = null;
        long lagSamples = 0;
        long lagSum = 0;
        int minute = 1;
        while (System.nanoTime() < end) {
            Thread.sleep(5_000);
            java.util.Map<String, Long> lags = processors.lags();
            if (!lags.isEmpty()) {
                long lag =
                        lags.values().stream().mapToLong(Long::longValue).max().orElse(0);
                maxLag = Math.max(maxLag, lag);
                lagSum += lag;
                lagSamples++;
                lags.forEach((name, value) -> maxByProcessor.merge(name, value, Math::max));
            }
            if (System.nanoTime() - started >= TimeUnit.MINUTES.toNanos(minute) && System.nanoTime() < end) {
                AppMetrics.Sample sample = metrics.sample("min " + minute);
                samples.add(sample);
                report.progress(sample.line());
                if (minute == 1) {
                    warmHistogram = metrics.histogram();
                }
                minute++;
            }
        }
        load.stop();
        report.load("load: " + load.summary());
        Duration drained = processors.awaitCaughtUp(Duration.ofSeconds(90));
        AppMetrics.Sample last = metrics.sample("end");
        samples.add(last);
        report.progress(last.line());
        if (warmHistogram != null && !warmHistogram.isEmpty()) {
            report.count("live heap grown most from minute 1 to the end, by class (jcmd GC.class_histogram):"
                    + AppMetrics.growth(warmHistogram, metrics.histogram(), 8));
        }

        StringBuilder table = new StringBuilder("samples (start: before the load; end: after it, once drained):");
        samples.forEach(sample -> table.append("\n  ").append(sample.line()));
        report.count(table.toString());
        report.count("answers by kind and status:\n" + load.answers().table().stripTrailing());
        report.count(String.format(
                Locale.ROOT,
                "processor lag during the load (every 5 s): max %d, mean %.1f events; " + "max by processor %s",
                maxLag,
                lagSamples == 0 ? 0 : lagSum / (double) lagSamples,
                maxByProcessor));

        AppMetrics.Sample warm = samples.size() > 2 ? samples.get(1) : samples.get(0);
        if (samples.size() > 3) {
            // a leak grows on at its pace; a bounded cache or window filling up slows down
            int middle = samples.size() / 2;
            AppMetrics.Sample half = samples.get(middle);
            report.count(String.format(
                    Locale.ROOT,
                    "heap after GC growth: %.1f MB/min from %s to %s, %.1f MB/min from " + "%s to the end",
                    (half.heapAfterGcMb() - warm.heapAfterGcMb()) / Math.max(1, middle - 1),
                    warm.at(),
                    half.at(),
                    (last.heapAfterGcMb() - half.heapAfterGcMb()) / Math.max(1, samples.size() - 1 - middle),
                    half.at()));
        }
        report.note("what fills in the first minutes and then holds (Axon 4.13): the event store's cache of the "
                + "newest 10,000 events, and each message monitor's sliding 10-minute window of measurements "
                + "(axon-micrometer CapacityMonitor: a ConcurrentSkipListMap<Long, Long> per bus and processor) - "
                + "java.lang.Long and ConcurrentSkipListMap nodes growing until minute 10 have that window's shape");
        double heapBound = warm.heapAfterGcMb() * 1.25 + heapGrowthAllowedMb;
        report.check(
                "heap after GC flat",
                last.heapAfterGcMb() <= heapBound,
                String.format(
                        Locale.ROOT,
                        "start %.1f MB, %s %.1f MB, end %.1f MB (bound %.1f MB: %s x 1.25 + %.0f MB)",
                        samples.get(0).heapAfterGcMb(),
                        warm.at(),
                        warm.heapAfterGcMb(),
                        last.heapAfterGcMb(),
                        heapBound,
                        warm.at(),
                        heapGrowthAllowedMb));
        report.check(
                "connection pool flat",
                last.total() <= warm.total() && last.pending() == 0 && last.active() <= 2,
                String.format(
                        Locale.ROOT,
                        "start %d total/%d active, %s %d/%d, end (load stopped) %d total/%d active/%d pending",
                        samples.get(0).total(),
                        samples.get(0).active(),
                        warm.at(),
                        warm.total(),
                        warm.active(),
                        last.total(),
                        last.active(),
                        last.pending()));
        report.check(
                "processor lag bounded",
                maxLag <= maxLagAllowed,
                "max " + maxLag + " events (bound " + maxLagAllowed + ")");
        report.check(
                "processors drained (lag 0) after the load",
                drained != null,
                drained == null
                        ? processors.laggards()
                        : String.format(Locale.ROOT, "%.1f s after it stopped", drained.toMillis() / 1000.0));
        report.check("no 5xx, every error answer problem+json", load.answers().violations() == 0, "");
        double achieved = (load.commands().size() + load.reads()) / load.seconds();
        report.check(
                "the app kept the pace",
                achieved >= rate * 0.9,
                String.format(Locale.ROOT, "%.1f requests/s answered of %.0f offered", achieved, rate));
        stage.checkCommandsAndTopic(report, load, Duration.ofSeconds(60));
    }
}
