package io.tenantry.bench.reliability;

import io.tenantry.bench.WebhookReceiver;
import io.tenantry.bench.reliability.RecordedLoad.Command;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 1, {@code kill9}: a mixed write load; {@code kill -9} of the app mid-run; the app started again while the
 * load goes on. Then every command that went out and got no answer is retried with its Idempotency-Key, and: every
 * acknowledged command is in the event store, none twice, none that never reached the app; the read models catch up
 * and equal a full rebuild; the lifecycle topic holds every lifecycle event, per tenant in order; and a webhook
 * endpoint taking every lifecycle event gets each one, under one webhook-id however often it was sent.
 */
final class Kill9Scenario extends Scenario {

    Kill9Scenario() {
        super("kill9", "kill -9 under load");
    }

    @Override
    void exercise(Stage stage, Options options, Report report) throws Exception {
        int clients = options.integer("clients", 12);
        int killAfter = options.integer("kill-after", 15);
        int after = options.integer("after", 10);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            // answers a little late, so that deliveries are in flight when the app dies
            receiver.delay(20);
            WebhookCheck webhook = WebhookCheck.register(stage, "kill9", receiver);
            exercise(stage, options, report, clients, killAfter, after);
            Duration waited = webhook.awaitAll(stage, Duration.ofMinutes(3));
            webhook.verify(report, stage, waited);
            long repeated = receiver.callsByWebhookId().values().stream()
                    .filter(calls -> calls.get() > 1)
                    .count();
            report.count("webhook deliveries repeated under their own webhook-id after the restart (a delivery in"
                    + " flight at the kill, sent again once its claim lapsed): " + repeated);
        }
    }

    private void exercise(Stage stage, Options options, Report report, int clients, int killAfter, int after)
            throws Exception {
        RecordedLoad load = new RecordedLoad(stage.http, stage.owner(), clients, 0, 0);
        report.load(load.describe());
        load.start();
        Thread.sleep(TimeUnit.SECONDS.toMillis(killAfter));

        long pid = stage.app().pid();
        int sentBefore = load.commands().size();
        long killedAt = System.nanoTime();
        stage.app().kill();
        report.fault("kill -9 of the app (pid " + pid + ") " + killAfter + " s into the load, after " + sentBefore
                + " commands; the load goes on (connections refused while it is down)");
        stage.startApp();
        report.fault(String.format(
                Locale.ROOT,
                "app started again on the same database, broker and data " + "directory: down %.1f s",
                (System.nanoTime() - killedAt) / 1e9));
        Thread.sleep(TimeUnit.SECONDS.toMillis(after));
        load.stop();
        report.load("load ran " + killAfter + " s before the kill, through the restart, and " + after + " s after it: "
                + load.summary());

        retryLost(report, stage, load.commands());

        Processors processors = stage.processors();
        checkCaughtUpAndStored(
                report,
                stage,
                load,
                processors,
                "every event processor caught up (lag 0) after the restart",
                () -> "",
                Duration.ofSeconds(60));
        ReadModelCheck.compare(report, options.jar(), stage.postgres, stage.http, stage.admin(), processors);
    }

    /**
     * Every command that went out and got no answer, retried with its key and body until it gets one: a first
     * request that died holding its key keeps it for {@code tenantry.idempotency.lock-timeout} (60 s), answered
     * meanwhile with 409 {@code idempotency_key_in_progress}.
     */
    static void retryLost(Report report, Stage stage, List<Command> commands) throws Exception {
        List<Command> lost = commands.stream().filter(Command::lost).toList();
        CommandCheck before = CommandCheck.read(stage.store);
        long appliedBefore = lost.stream()
                .filter(command -> !before.events(command).isEmpty())
                .count();
        long started = System.nanoTime();
        ExecutorService retriers = Executors.newFixedThreadPool(Math.max(1, Math.min(16, lost.size())));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
        for (Command command : lost) {
            retriers.execute(() -> {
                while (true) {
                    Http.Answer answer =
                            stage.http.send(command.method, command.path, stage.owner(), command.body, command.key);
                    command.retry = answer;
                    boolean settled = answer.delivery() == Http.Delivery.ANSWERED
                            && answer.status() != 503
                            && !(answer.status() == 409 && "idempotency_key_in_progress".equals(answer.code()));
                    if (settled || System.nanoTime() > deadline) {
                        return;
                    }
                    try {
                        Thread.sleep(1_000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }
        retriers.shutdown();
        retriers.awaitTermination(200, TimeUnit.SECONDS);
        CommandCheck after = CommandCheck.read(stage.store);
        int replayed = 0;
        int ranAgain = 0;
        int unsettled = 0;
        Map<String, Integer> refusedByCode = new TreeMap<>();
        int refusedButNotApplied = 0;
        for (Command command : lost) {
            Http.Answer answer = command.retry;
            if (answer.delivery() != Http.Delivery.ANSWERED
                    || answer.status() >= 500
                    || "idempotency_key_in_progress".equals(answer.code())) {
                unsettled++;
            } else if (answer.replayed()) {
                replayed++;
            } else if (answer.ok()) {
                ranAgain++;
            } else {
                refusedByCode.merge(answer.status() + " " + answer.code(), 1, Integer::sum);
                if (after.events(command).size() != 1) {
                    refusedButNotApplied++;
                }
            }
        }
        report.count(String.format(
                Locale.ROOT,
                "sent but unanswered at the kill: %d, of which already in the store "
                        + "before any retry %d (committed, the answer died with the app)",
                lost.size(),
                appliedBefore));
        report.count(String.format(
                Locale.ROOT,
                "retried with the same Idempotency-Key: %d in %.1f s -> answer "
                        + "replayed (Idempotent-Replayed) %d, ran and acknowledged %d, refused %s, still unanswered %d",
                lost.size(),
                (System.nanoTime() - started) / 1e9,
                replayed,
                ranAgain,
                refusedByCode,
                unsettled));
        long appliedAfter = lost.stream()
                .filter(command -> !after.events(command).isEmpty())
                .count();
        report.count(String.format(
                Locale.ROOT,
                "unanswered -> retried -> applied (in the store now): %d -> %d -> %d",
                lost.size(),
                lost.size(),
                appliedAfter));
        report.check(
                "every unanswered command settled by its retry",
                unsettled == 0,
                CommandCheck.first(lost.stream()
                        .filter(c -> c.retry.delivery() != Http.Delivery.ANSWERED
                                || c.retry.status() >= 500
                                || "idempotency_key_in_progress".equals(c.retry.code()))
                        .map(Command::toString)
                        .toList()));
        report.check(
                "a retry refused (as a duplicate) only where its first request had been applied",
                refusedButNotApplied == 0,
                refusedButNotApplied + " refused retries of commands not in the store");
    }
}
