package io.tenantry.bench.reliability;

import io.tenantry.bench.WebhookReceiver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Scenario {@code webhooks}: four platform endpoints take every lifecycle event of a steady write load, each at a
 * receiver of its own: one answers at once ({@code steady}), one is down (its port closed) for ten minutes
 * ({@code --receiver-down-seconds}) and comes back, one answers 500 to every third call ({@code flaky}), one never
 * answers ({@code hanging}: the sender's timeout ends each call). Afterwards the first three hold every event, each under
 * one webhook-id, with valid signatures; the hanging one's deliveries are pending with their attempts recorded; and the
 * steady receiver was never held up by the others (its delivery lag stays under {@code --max-delivery-lag-ms}).
 */
final class WebhookScenario extends Scenario {

    WebhookScenario() {
        super("webhooks", "webhook receivers down, failing and hanging under load");
    }

    @Override
    void exercise(Stage stage, Options options, Report report) throws Exception {
        int clients = options.integer("clients", 4);
        double rate = options.decimal("webhook-rate", 8);
        int before = options.integer("before", 10);
        int down = options.integer("receiver-down-seconds", 600);
        int after = options.integer("after", 20);
        long maxLag = options.integer("max-delivery-lag-ms", 5_000);
        try (WebhookReceiver steady = WebhookReceiver.start();
                WebhookReceiver downed = WebhookReceiver.start();
                WebhookReceiver flaky = WebhookReceiver.start();
                WebhookReceiver hanging = WebhookReceiver.start()) {
            flaky.failEvery(3);
            hanging.mode(WebhookReceiver.Mode.HANG);
            WebhookCheck steadyCheck = WebhookCheck.register(stage, "steady", steady);
            WebhookCheck downCheck = WebhookCheck.register(stage, "down", downed);
            WebhookCheck flakyCheck = WebhookCheck.register(stage, "flaky", flaky);
            WebhookCheck hangingCheck = WebhookCheck.register(stage, "hanging", hanging);
            report.note("receivers on loopback (plain HTTP: tenantry.webhooks.allow-private=true): steady "
                    + steady.url() + ", down " + downed.url() + ", flaky " + flaky.url() + ", hanging "
                    + hanging.url());

            RecordedLoad load = new RecordedLoad(stage.http, stage.owner(), clients, rate, 0);
            report.load(load.describe());
            load.phase("1 before");
            load.start();
            WebhookCheck.sleepSeconds(before);
            downed.down();
            long downAt = System.nanoTime();
            load.phase("2 receiver down");
            report.fault("the down receiver's port closed " + before + " s into the load (connections refused)");
            WebhookCheck.sleepSeconds(down);
            downed.up();
            long backAt = System.nanoTime();
            long backAtMillis = System.currentTimeMillis();
            load.phase("3 receiver back");
            report.fault(String.format(
                    Locale.ROOT, "the down receiver back on its port after %.1f s", (backAt - downAt) / 1e9));
            WebhookCheck.sleepSeconds(after);
            load.stop();
            report.load("load ran " + before + " s, through the receiver's " + down + " s outage and " + after
                    + " s after it: " + load.summary());
            report.check(
                    "no 5xx, every error answer problem+json", load.answers().violations() == 0, "");

            Processors processors = stage.processors();
            checkCaughtUpAndStored(
                    report,
                    stage,
                    load,
                    processors,
                    "every event processor caught up (lag 0)",
                    () -> "",
                    Duration.ofSeconds(90));

            Duration steadyWait = steadyCheck.awaitAll(stage, Duration.ofMinutes(2));
            Duration flakyWait = flakyCheck.awaitAll(stage, Duration.ofMinutes(3));
            Duration downWait = downCheck.awaitAll(stage, Duration.ofMinutes(3));
            steadyCheck.verify(report, stage, steadyWait);
            flakyCheck.verify(report, stage, flakyWait);
            downCheck.verify(report, stage, downWait);

            Set<String> expected = steadyCheck.expected(stage);
            List<Long> lags = new ArrayList<>();
            steady.lagMillis().forEach((id, lag) -> {
                if (expected.contains(id)) {
                    lags.add(lag);
                }
            });
            Collections.sort(lags);
            long p50 = percentile(lags, 50);
            long p99 = percentile(lags, 99);
            long max = percentile(lags, 100);
            report.count(String.format(
                    Locale.ROOT,
                    "steady receiver's delivery lag (event time to first acceptance): p50 %d ms, p99 %d ms, max %d ms"
                            + " over %d events",
                    p50,
                    p99,
                    max,
                    lags.size()));
            report.check(
                    "the steady receiver was not held up by the down, flaky and hanging ones",
                    !lags.isEmpty() && p99 <= maxLag,
                    "p99 " + p99 + " ms (bound " + maxLag + " ms)");

            long lastBack = 0;
            Map<String, Long> acceptedAt = downed.acceptedAt();
            for (Long at : acceptedAt.values()) {
                lastBack = Math.max(lastBack, at);
            }
            report.count(String.format(
                    Locale.ROOT,
                    "the down receiver had its backlog %.1f s after it came back",
                    Math.max(0, lastBack - backAtMillis) / 1000.0));

            Http.Answer listed = hangingCheck.deliveries(stage);
            long total = 0;
            long tried = 0;
            long delivered = 0;
            String lastError = null;
            try (java.sql.Connection connection = stage.postgres.connect();
                    java.sql.PreparedStatement query =
                            connection.prepareStatement("select count(*), count(*) filter (where attempts > 0),"
                                    + " count(*) filter (where status = 'DELIVERED'), max(last_error)"
                                    + " from webhook_delivery where endpoint_id = ?")) {
                query.setString(1, hangingCheck.endpointId);
                try (java.sql.ResultSet row = query.executeQuery()) {
                    row.next();
                    total = row.getLong(1);
                    tried = row.getLong(2);
                    delivered = row.getLong(3);
                    lastError = row.getString(4);
                }
            }
            report.count(String.format(
                    Locale.ROOT,
                    "hanging receiver: %d calls held open (each ended by the sender's timeout, at most 16 at a time);"
                            + " its %d deliveries: %d tried, %d delivered, last error e.g. \"%s\"; the app lists them:"
                            + " %s",
                    hanging.calls(),
                    total,
                    tried,
                    delivered,
                    lastError,
                    listed.status() + " " + Http.abbreviate(listed.body() == null ? "" : listed.body(), 200)));
            report.check(
                    "the hanging receiver's deliveries are tried, recorded and not counted as delivered",
                    hanging.calls() > 0 && tried > 0 && delivered == 0 && listed.status() == 200,
                    tried + " tried, " + delivered + " delivered");
        }
    }

    @Override
    List<String> appArguments(Options options) {
        List<String> arguments = new ArrayList<>(super.appArguments(options));
        // a receiver back after ten minutes is tried again within half a minute, not an hour
        arguments.add("--tenantry.webhooks.retry-max-interval=30s");
        return arguments;
    }

    private static long percentile(List<Long> sorted, double percentile) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
