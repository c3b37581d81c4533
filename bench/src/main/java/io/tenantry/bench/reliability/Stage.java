package io.tenantry.bench.reliability;

import io.tenantry.bench.RunningApp;
import io.tenantry.kafka.KraftBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a scenario runs on: a work directory, PostgreSQL and Kafka hosted by this JVM (they outlive the app), and the
 * app jar in its own process on them, with a data directory (its development keys) that survives its restarts.
 */
final class Stage {

    final Path jar;
    final Path work;
    final HostedPostgres postgres;
    final KraftBroker kafka;
    final Http http;
    final EventStore store;
    private final List<String> extraAppArguments;
    private volatile RunningApp app;
    /** The app is a process of its own: a driver stopped early (Ctrl-C, a timeout) must not leave it running. */
    private final Thread stopAppAtExit = new Thread(
            () -> {
                try {
                    if (app != null) {
                        app.kill();
                    }
                } catch (InterruptedException ignored) {
                    // the JVM is going anyway
                }
            },
            "stop-app");

    private String ownerToken;
    private String adminToken;

    private Stage(Path jar, Path work, HostedPostgres postgres, KraftBroker kafka, List<String> extraAppArguments) {
        this.jar = jar;
        this.work = work;
        this.postgres = postgres;
        this.kafka = kafka;
        this.extraAppArguments = extraAppArguments;
        this.http = new Http(() -> app.port(), Duration.ofSeconds(30));
        this.store = new EventStore(postgres);
    }

    static Stage start(Path jar, Report report, List<String> extraAppArguments, Path results) throws Exception {
        Path work = Files.createTempDirectory("tenantry-reliability-" + report.scenario() + "-");
        HostedPostgres postgres = HostedPostgres.start(work.resolve("postgres"));
        KraftBroker kafka;
        try {
            kafka = KraftBroker.start(3);
        } catch (Exception e) {
            postgres.close();
            throw e;
        }
        Stage stage = new Stage(jar, work, postgres, kafka, extraAppArguments);
        Runtime.getRuntime().addShutdownHook(stage.stopAppAtExit);
        report.note("work directory " + work + " (app log: " + work.resolve("app/app.log") + ")");
        report.note("hosted by the driver: " + postgres + "; " + kafka);
        try {
            long started = System.nanoTime();
            stage.startApp();
            report.progress(
                    String.format("app up in %.1f s (pid %d)", (System.nanoTime() - started) / 1e9, stage.app.pid()));
            stage.ownerToken = stage.app.token("reliability-owner", null);
            stage.adminToken = stage.app.token("reliability-admin", "partner-admin");
        } catch (Exception e) {
            report.abort(e);
            stage.close(report, results);
            throw e;
        }
        return stage;
    }

    /** Starts the app (again) on the same database, broker and data directory; returns once it is healthy. */
    RunningApp startApp() throws Exception {
        Path dataDir = work.resolve("app");
        Files.createDirectories(dataDir);
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + postgres.jdbcUrl(),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--tenantry.security.generate-dev-keys=true",
                // the scenarios' webhook receivers listen on loopback, over plain HTTP
                "--tenantry.webhooks.allow-private=true"));
        arguments.addAll(extraAppArguments);
        app = RunningApp.start(jar, dataDir, false, arguments.toArray(String[]::new));
        return app;
    }

    RunningApp app() {
        return app;
    }

    String owner() {
        return ownerToken;
    }

    String admin() {
        return adminToken;
    }

    Processors processors() {
        return new Processors(http, adminToken);
    }

    /** {@code /actuator/health}'s status code and overall status, e.g. "503 DOWN", or how it failed. */
    String health() {
        Http.Answer answer = http.get("/actuator/health", null);
        if (answer.delivery() != Http.Delivery.ANSWERED) {
            return answer.delivery().name();
        }
        var json = answer.json();
        return answer.status() + " " + (json == null ? "?" : json.path("status").asText("?"));
    }

    /** Stops everything; keeps the app's log beside the results when the scenario failed. */
    /**
     * What every scenario checks once its load is over: each recorded command against the event store, and the
     * lifecycle topic against the store's lifecycle events (read within {@code topicWait}).
     */
    void checkCommandsAndTopic(Report report, RecordedLoad load, Duration topicWait) throws Exception {
        CommandCheck.read(store).verify(report, load.commands(), load.run());
        LifecycleTopicCheck.report(
                report, LifecycleTopicCheck.check(kafka.bootstrapServers(), store.lifecycleEvents(), topicWait));
    }

    void close(Report report, Path results) {
        try {
            if (app != null) {
                app.close();
            }
            Runtime.getRuntime().removeShutdownHook(stopAppAtExit);
        } catch (Exception e) {
            report.note("stopping the app: " + e);
        }
        try {
            kafka.close();
        } catch (Exception e) {
            report.note("stopping Kafka: " + e);
        }
        try {
            postgres.close();
        } catch (Exception e) {
            report.note("stopping PostgreSQL: " + e);
        }
        try {
            Path log = work.resolve("app/app.log");
            if (!report.passed() && Files.exists(log)) {
                Files.createDirectories(results);
                Files.copy(log, results.resolve(report.scenario() + "-app.log"), StandardCopyOption.REPLACE_EXISTING);
                report.note("the app's log: " + results.resolve(report.scenario() + "-app.log"));
            }
            RunningApp.deleteRecursively(work);
        } catch (Exception e) {
            report.note("cleaning up " + work + ": " + e);
        }
    }
}
