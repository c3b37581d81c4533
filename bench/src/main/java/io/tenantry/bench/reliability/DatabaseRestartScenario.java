package io.tenantry.bench.reliability;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 2, {@code database}: PostgreSQL is stopped (a fast shutdown: every session ended) under a load of writes
 * and reads, and started again. Meanwhile the app says it is unhealthy (503 DOWN) and answers 503 problem+json, never
 * a 500 nor a stack trace; afterwards it is healthy again by itself, every acknowledged command is stored, the
 * processors catch up and the read models equal a full rebuild.
 */
final class DatabaseRestartScenario extends Scenario {

    DatabaseRestartScenario() {
        super("database", "PostgreSQL restart under load");
    }

    @Override
    void exercise(Stage stage, Options options, Report report) throws Exception {
        int clients = options.integer("clients", 8);
        int before = options.integer("before", 10);
        int down = options.integer("db-down-seconds", 12);
        int after = options.integer("after", 10);
        int healthyWithin = options.integer("healthy-within", 90);
        Processors processors = stage.processors();
        RecordedLoad load = new RecordedLoad(stage.http, stage.owner(), clients, 0, 0.3);
        report.load(load.describe());
        load.phase("1 before");
        load.start();
        Thread.sleep(TimeUnit.SECONDS.toMillis(before));

        load.phase("2 database down");
        HealthPoller health = new HealthPoller(stage);
        health.phase("2 database down");
        long stoppedAt = System.nanoTime();
        stage.postgres.stop();
        report.fault(String.format(
                Locale.ROOT,
                "PostgreSQL stopped %d s into the load (fast shutdown: sessions " + "ended; took %.1f s)",
                before,
                (System.nanoTime() - stoppedAt) / 1e9));
        Thread.sleep(Math.max(0, TimeUnit.SECONDS.toMillis(down) - (System.nanoTime() - stoppedAt) / 1_000_000));
        load.phase("3 recovering");
        health.phase("3 recovering");
        long startingAt = System.nanoTime();
        stage.postgres.start();
        long upAt = System.nanoTime();
        report.fault(String.format(
                Locale.ROOT,
                "PostgreSQL started again (took %.1f s): down %.1f s",
                (upAt - startingAt) / 1e9,
                (upAt - stoppedAt) / 1e9));
        Double healthyAfter = null;
        while (System.nanoTime() - upAt < TimeUnit.SECONDS.toNanos(healthyWithin)) {
            if (health.last().equals("200 UP")
                    && !health.in("3 recovering").isEmpty()
                    && health.in("3 recovering").containsKey("200 UP")) {
                healthyAfter = (System.nanoTime() - upAt) / 1e9;
                break;
            }
            Thread.sleep(200);
        }
        health.phase("4 after");
        load.phase("4 after");
        Thread.sleep(TimeUnit.SECONDS.toMillis(after));
        load.stop();
        health.close();
        report.load("load ran " + before + " s before the outage, through it and the recovery, and " + after
                + " s after: " + load.summary());
        report.count(
                "answers by phase, kind and status:\n" + load.answers().table().stripTrailing());
        Map<String, Long> healthDown = health.in("2 database down");
        report.count(
                "/actuator/health while PostgreSQL was down (asked every 0.5 s after the last answer): " + healthDown);
        report.count("/actuator/health once it was back, until UP: " + health.in("3 recovering") + "; after: "
                + health.in("4 after"));

        long outage503 = 0;
        for (String kind : new String[] {"create", "member-add", "plan-change", "read", "sub-probe"}) {
            outage503 += load.answers().count("2 database down", kind, "503");
        }
        report.check(
                "health says DOWN (503) while the database is down",
                healthDown.getOrDefault("503 DOWN", 0L) > 0,
                healthDown.toString());
        report.check("requests answered 503 problem+json during the outage", outage503 > 0, outage503 + " answers 503");
        report.check(
                "never a 500, an error that is not problem+json, or internals in a body",
                load.answers().violations() == 0,
                load.answers().violations() + " such answers (see the table)");
        report.check(
                "healthy again by itself within " + healthyWithin + " s of the database's return",
                healthyAfter != null,
                healthyAfter == null
                        ? "still " + stage.health()
                        : String.format(Locale.ROOT, "UP %.1f s after PostgreSQL was back", healthyAfter));
        long afterAcknowledged = load.commands().stream()
                .filter(c -> c.phase.equals("4 after") && c.acknowledged())
                .count();
        report.check(
                "writes acknowledged again after the recovery",
                afterAcknowledged > 0,
                afterAcknowledged + " acknowledged");

        checkCaughtUpAndStored(
                report,
                stage,
                load,
                processors,
                "every event processor caught up (lag 0)",
                () -> "",
                Duration.ofSeconds(60));
        ReadModelCheck.compare(report, options.jar(), stage.postgres, stage.http, stage.admin(), processors);
    }
}
