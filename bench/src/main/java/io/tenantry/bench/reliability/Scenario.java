package io.tenantry.bench.reliability;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A long reliability scenario: it starts the app on its own PostgreSQL and Kafka ({@link Stage}), applies a load,
 * breaks something, and writes what it saw and checked into its {@link Report}; the stage is closed (the app's log
 * kept when a check failed) whatever happened.
 */
abstract class Scenario {

    private final String name;
    private final String title;

    Scenario(String name, String title) {
        this.name = name;
        this.title = title;
    }

    final Report run(Options options) {
        Report report = new Report(name, title);
        Stage stage = null;
        try {
            stage = Stage.start(options.jar(), report, appArguments(options), options.results());
            exercise(stage, options, report);
        } catch (Exception e) {
            report.abort(e);
            e.printStackTrace();
        } finally {
            if (stage != null) {
                stage.close(report, options.results());
            }
        }
        return report;
    }

    /** The app's arguments beyond the stage's own: {@code --app-args}, and what the scenario needs. */
    List<String> appArguments(Options options) {
        return options.appArguments();
    }

    /** Applies the load and the fault to the running stage, and checks what is left. */
    abstract void exercise(Stage stage, Options options, Report report) throws Exception;

    /**
     * Once the load stopped: every event processor reaches lag 0 within three minutes (the check named {@code check};
     * {@code since} adds to when), then every acknowledged command is in the store and the lifecycle topic holds
     * every lifecycle event ({@link Stage#checkCommandsAndTopic}).
     */
    static void checkCaughtUpAndStored(
            Report report,
            Stage stage,
            RecordedLoad load,
            Processors processors,
            String check,
            Supplier<String> since,
            Duration topicWait)
            throws Exception {
        Duration caughtUp = processors.awaitCaughtUp(Duration.ofMinutes(3));
        report.check(
                check,
                caughtUp != null,
                caughtUp == null
                        ? processors.laggards()
                        : String.format(Locale.ROOT, "%.1f s after the load stopped", caughtUp.toMillis() / 1000.0)
                                + since.get());
        report.count(String.format(Locale.ROOT, "events in the store: %d", stage.store.count()));
        stage.checkCommandsAndTopic(report, load, topicWait);
    }
}
