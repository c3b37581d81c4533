package io.tenantry.bench.reliability;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 3, {@code kafka}: the broker goes away for a minute under a write load. Writes go on being acknowledged
 * (the event store is the source of truth; the lifecycle publisher waits and retries); once the broker is back,
 * publication resumes by itself and the topic ends up holding every stored lifecycle event, per tenant in order.
 */
final class KafkaOutageScenario extends Scenario {

    private static final String PUBLISHER = "tenant-lifecycle-topic";

    KafkaOutageScenario() {
        super("kafka", "Kafka broker down under load");
    }

    @Override
    void exercise(Stage stage, Options options, Report report) throws Exception {
        int clients = options.integer("clients", 8);
        int before = options.integer("before", 10);
        int down = options.integer("kafka-down-seconds", 60);
        int after = options.integer("after", 10);
        Processors processors = stage.processors();
        RecordedLoad load = new RecordedLoad(stage.http, stage.owner(), clients, 0, 0);
        report.load(load.describe());
        load.phase("1 before");
        load.start();
        Thread.sleep(TimeUnit.SECONDS.toMillis(before));

        load.phase("2 broker down");
        stage.kafka.stopBroker();
        long stoppedAt = System.nanoTime();
        report.fault("Kafka broker stopped " + before + " s into the load (connections refused, log kept)");
        HealthPoller health = new HealthPoller(stage);
        health.phase("2 broker down");
        long maxPublisherLag = 0;
        java.util.Map<String, Long> maxByProcessor = new java.util.TreeMap<>();
        while (System.nanoTime() - stoppedAt < TimeUnit.SECONDS.toNanos(down)) {
            processors.lags().forEach((name, lag) -> maxByProcessor.merge(name, lag, Math::max));
            maxPublisherLag = maxByProcessor.getOrDefault(PUBLISHER, 0L);
            Thread.sleep(1_000);
        }
        load.phase("3 broker back");
        health.phase("3 broker back");
        stage.kafka.startBroker();
        long backAt = System.nanoTime();
        report.fault(String.format(
                Locale.ROOT,
                "Kafka broker started again on its port with its log: down %.1f s",
                (backAt - stoppedAt) / 1e9));
        Thread.sleep(TimeUnit.SECONDS.toMillis(after));
        load.stop();
        health.close();
        report.load(
                "load ran " + before + " s before the outage, through it and " + after + " s after: " + load.summary());
        report.count(
                "answers by phase, kind and status:\n" + load.answers().table().stripTrailing());
        report.count("/actuator/health while the broker was down: " + health.in("2 broker down")
                + "; once it was back: " + health.in("3 broker back"));

        long downWrites = 0;
        long downAcknowledged = 0;
        long downFailed = 0;
        for (RecordedLoad.Command command : load.commands()) {
            if (command.phase.equals("2 broker down")) {
                downWrites++;
                downAcknowledged += command.acknowledged() ? 1 : 0;
                downFailed +=
                        command.answer.delivery() != Http.Delivery.ANSWERED || command.answer.status() >= 500 ? 1 : 0;
            }
        }
        report.count(String.format(
                Locale.ROOT,
                "writes while the broker was down: %d sent, %d acknowledged, %d failed "
                        + "(5xx or no answer); the publisher's lag grew to %d events;"
                        + " max lag by processor while it was down %s",
                downWrites,
                downAcknowledged,
                downFailed,
                maxPublisherLag,
                maxByProcessor));
        report.check(
                "writes go on while the broker is down",
                downAcknowledged > 0 && downFailed == 0,
                downAcknowledged + " acknowledged, " + downFailed + " failed");
        report.check("no 5xx, every error answer problem+json", load.answers().violations() == 0, "");

        checkCaughtUpAndStored(
                report,
                stage,
                load,
                processors,
                "publication resumed by itself: every processor at lag 0",
                () -> String.format(
                        Locale.ROOT, ", %.1f s after the broker came back", (System.nanoTime() - backAt) / 1e9),
                Duration.ofSeconds(90));
    }
}
