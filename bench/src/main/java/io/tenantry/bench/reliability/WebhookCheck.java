package io.tenantry.bench.reliability;

import io.tenantry.bench.WebhookReceiver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A platform webhook endpoint (every tenant's lifecycle events, {@code tenant.*}) pointed at a {@link WebhookReceiver},
 * and what a scenario checks of it once the load is over: every lifecycle event stored after the endpoint was created
 * reached the receiver and was accepted, each under one {@code webhook-id} however often it was tried, every signature
 * verified, and nothing arrived that the store does not hold.
 */
final class WebhookCheck {

    final String name;
    final WebhookReceiver receiver;
    final String endpointId;
    private final long baseline;

    private WebhookCheck(String name, WebhookReceiver receiver, String endpointId, long baseline) {
        this.name = name;
        this.receiver = receiver;
        this.endpointId = endpointId;
        this.baseline = baseline;
    }

    /** Registers {@code receiver} as a platform endpoint and notes where the store is now. */
    static WebhookCheck register(Stage stage, String name, WebhookReceiver receiver) throws Exception {
        Http.Answer created = stage.http.send(
                "POST",
                "/api/webhooks/endpoints",
                stage.admin(),
                Http.json(Map.of(
                        "url",
                        receiver.url(),
                        "eventTypes",
                        List.of("tenant.*"),
                        "description",
                        "reliability " + name)),
                null);
        if (created.status() != 201 || created.json() == null) {
            throw new IllegalStateException("creating the " + name + " endpoint answered " + created);
        }
        receiver.secrets(created.json().path("secret").asText());
        return new WebhookCheck(name, receiver, created.json().path("id").asText(), stage.store.maxGlobalIndex());
    }

    /** The lifecycle events stored after the endpoint was created: what it must receive. */
    Set<String> expected(Stage stage) throws Exception {
        Set<String> expected = new HashSet<>();
        for (EventStore.StoredEvent event : stage.store.lifecycleEvents()) {
            if (event.globalIndex() > baseline) {
                expected.add(event.id());
            }
        }
        return expected;
    }

    /** Waits until the receiver accepted every expected event; answers how long that took, or null. */
    Duration awaitAll(Stage stage, Duration timeout) throws Exception {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (receiver.acceptedEvents().containsAll(expected(stage))) {
                return Duration.ofNanos(System.nanoTime() - started);
            }
            Thread.sleep(500);
        }
        return null;
    }

    /**
     * The checks every receiver's deliveries pass: all there, one webhook-id per event, signatures good, nothing
     * unknown. {@code waited} is what {@link #awaitAll} answered.
     */
    void verify(Report report, Stage stage, Duration waited) throws Exception {
        Set<String> expected = expected(stage);
        Set<String> stored = new HashSet<>();
        stage.store.lifecycleEvents().forEach(event -> stored.add(event.id()));
        Set<String> accepted = receiver.acceptedEvents();
        List<String> missing = new ArrayList<>();
        for (String id : expected) {
            if (!accepted.contains(id)) {
                missing.add(id);
            }
        }
        Map<String, Set<String>> ids = receiver.webhookIdsByEvent();
        long underTwoIds = ids.values().stream().filter(set -> set.size() > 1).count();
        long unknown = ids.keySet().stream().filter(id -> !stored.contains(id)).count();
        Map<String, AtomicLong> calls = receiver.callsByWebhookId();
        long retried = calls.values().stream().filter(n -> n.get() > 1).count();
        long callsForThem = calls.values().stream().mapToLong(AtomicLong::get).sum();
        report.count(String.format(
                Locale.ROOT,
                "%s receiver: %d lifecycle events to deliver, %d accepted, %d calls in all (%d answered 500 on"
                        + " purpose), %d webhook-ids called more than once; %s",
                name,
                expected.size(),
                accepted.size(),
                callsForThem,
                receiver.failedOnPurpose(),
                retried,
                waited == null
                        ? "not all there in time"
                        : "all there " + waited.toSeconds() + " s after the wait began"));
        report.check(
                name + ": every lifecycle event delivered and accepted",
                missing.isEmpty(),
                missing.size() + " missing" + (missing.isEmpty() ? "" : ", e.g. " + missing.get(0)));
        report.check(
                name + ": one webhook-id per event, however often it was tried",
                underTwoIds == 0,
                underTwoIds + " events with more than one webhook-id");
        report.check(
                name + ": every signature verified, every body a CloudEvent",
                receiver.badSignatures() == 0 && receiver.unreadable() == 0,
                receiver.badSignatures() + " bad signatures, " + receiver.unreadable() + " unreadable");
        report.check(name + ": nothing delivered that the store does not hold", unknown == 0, unknown + " unknown");
    }

    /** The app's own account of this endpoint's deliveries (first page). */
    Http.Answer deliveries(Stage stage) {
        return stage.http.get("/api/webhooks/endpoints/" + endpointId + "/deliveries?limit=20", stage.admin());
    }

    static void sleepSeconds(long seconds) throws InterruptedException {
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
    }
}
