package io.tenantry.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Webhook deliveries to receivers on loopback ({@link WebhookReceiver}, which checks every signature).
 *
 * <ol>
 *   <li><b>Throughput</b>: {@code members} member additions make as many lifecycle events; then {@code endpoints}
 *       platform endpoints ({@code tenant.*}) are created and each is replayed from the start. From the replay's
 *       answers to the last event accepted by the last receiver: deliveries per second and the app's CPU per
 *       delivery.</li>
 *   <li><b>Lag</b>: member additions at a rate that makes half that many deliveries per second (open loop, for
 *       {@code seconds}), every endpoint taking each: from each event's time to its first acceptance, p50/p99.</li>
 * </ol>
 */
final class WebhookBench {

    /** Within the business plan's 250 members. */
    private static final int MEMBERS_PER_TENANT = 200;

    private final int members;
    private final int endpoints;
    private final int seconds;
    private final String[] appArguments;

    WebhookBench(int members, int endpoints, int seconds, String appArguments) {
        this.members = members;
        this.endpoints = endpoints;
        this.seconds = seconds;
        List<String> arguments = new ArrayList<>(List.of("--tenantry.webhooks.allow-private=true"));
        if (appArguments != null && !appArguments.isBlank()) {
            arguments.addAll(List.of(appArguments.trim().split("\\s+")));
        }
        this.appArguments = arguments.toArray(String[]::new);
    }

    String run(Path jar) throws Exception {
        List<WebhookReceiver> receivers = new ArrayList<>();
        try (RunningApp app = RunningApp.start(jar, appArguments)) {
            for (int i = 0; i < endpoints; i++) {
                receivers.add(WebhookReceiver.start());
            }
            String owner = app.token("bench-owner", null);
            String admin = app.token("bench-admin", "partner-admin");
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            String base = "http://127.0.0.1:" + app.port();
            List<String> tenants = new ArrayList<>();
            for (int t = 0; t * MEMBERS_PER_TENANT < members + MEMBERS_PER_TENANT; t++) {
                tenants.add(app.call(
                                "POST",
                                "/api/tenants",
                                owner,
                                Map.of(
                                        "name",
                                        "Bench Hooks " + t,
                                        "slug",
                                        "bench-hooks-" + t,
                                        "tier",
                                        "POOLED",
                                        "planId",
                                        "business"))
                        .expect(201)
                        .body()
                        .path("id")
                        .asText());
            }
            ExecutorService clients = Executors.newFixedThreadPool(8);
            AtomicLong refused = new AtomicLong();
            for (int i = 0; i < members; i++) {
                String tenantId = tenants.get(i / MEMBERS_PER_TENANT);
                String user = "hook-" + i;
                clients.execute(() -> {
                    try {
                        if (addMember(http, base, owner, tenantId, user).statusCode() != 201) {
                            refused.incrementAndGet();
                        }
                    } catch (Exception e) {
                        refused.incrementAndGet();
                    }
                });
            }
            clients.shutdown();
            clients.awaitTermination(30, TimeUnit.MINUTES);
            if (refused.get() > 0) {
                throw new IllegalStateException(refused.get() + " member additions failed");
            }
            List<String> ids = new ArrayList<>();
            for (WebhookReceiver receiver : receivers) {
                var created = app.call(
                                "POST",
                                "/api/webhooks/endpoints",
                                admin,
                                Map.of(
                                        "url",
                                        receiver.url(),
                                        "eventTypes",
                                        List.of("tenant.*"),
                                        "description",
                                        "bench"))
                        .expect(201)
                        .body();
                receiver.secrets(created.path("secret").asText());
                ids.add(created.path("id").asText());
            }
            // the member additions' own work (projections, the lifecycle topic, the audit log) done first: what is
            // measured is the deliveries'
            awaitIdle(app);
            double cpuBefore = app.cpuSeconds();
            long started = System.nanoTime();
            long queued = 0;
            for (String id : ids) {
                queued += app.call(
                                "POST", "/api/webhooks/endpoints/" + id + "/replay", admin, Map.of("fromPosition", 0))
                        .expect(202)
                        .body()
                        .path("queued")
                        .asLong();
            }
            long queuedAt = System.nanoTime();
            double cpuQueued = app.cpuSeconds();
            long acceptedQueued =
                    receivers.stream().mapToLong(WebhookReceiver::accepted).sum();
            long perReceiver = queued / endpoints;
            awaitAccepted(receivers, perReceiver, Duration.ofMinutes(10));
            double elapsed = (System.nanoTime() - started) / 1e9;
            double sending = (System.nanoTime() - queuedAt) / 1e9;
            double cpuAfter = app.cpuSeconds();
            double cpu = cpuAfter - cpuBefore;
            double cpuSending = cpuAfter - cpuQueued;
            long sentAfterQueued =
                    receivers.stream().mapToLong(WebhookReceiver::accepted).sum() - acceptedQueued;
            long delivered =
                    receivers.stream().mapToLong(r -> r.acceptedEvents().size()).sum();
            double perSecond = delivered / elapsed;
            long badSignatures =
                    receivers.stream().mapToLong(WebhookReceiver::badSignatures).sum();

            receivers.forEach(WebhookReceiver::clear);
            int rate = Math.max(1, (int) Math.round(perSecond / 2 / endpoints));
            AtomicLong lagAdds = new AtomicLong();
            List<String> lagTenants = new ArrayList<>();
            for (int t = 0; t * MEMBERS_PER_TENANT < rate * seconds; t++) {
                lagTenants.add(app.call(
                                "POST",
                                "/api/tenants",
                                owner,
                                Map.of(
                                        "name",
                                        "Bench Lag " + t,
                                        "slug",
                                        "bench-lag-" + t,
                                        "tier",
                                        "POOLED",
                                        "planId",
                                        "business"))
                        .expect(201)
                        .body()
                        .path("id")
                        .asText());
            }
            awaitQuiet(receivers);
            receivers.forEach(WebhookReceiver::clear);
            OpenLoop.Result open = OpenLoop.run(rate, seconds, 16, i -> {
                boolean ok = addMember(http, base, owner, lagTenants.get((int) (i / MEMBERS_PER_TENANT)), "lag-" + i)
                                .statusCode()
                        == 201;
                if (ok) {
                    lagAdds.incrementAndGet();
                }
                return ok;
            });
            awaitAccepted(receivers, lagAdds.get(), Duration.ofMinutes(2));
            List<Long> lags = new ArrayList<>();
            receivers.forEach(r -> lags.addAll(r.lagMillis().values()));
            long[] nanos = lags.stream().mapToLong(ms -> ms * 1_000_000).toArray();
            Stats lag = new Stats(nanos);
            return String.format(
                    Locale.ROOT,
                    "Webhook deliveries to %d receivers on loopback (signatures checked by the receiver)%n"
                            + "  throughput: %d member events replayed to each of %d endpoints: %d deliveries"
                            + " in %.1f s (%.1f s after the replays were queued) = %.0f deliveries/s,"
                            + " app CPU %.0f µs per delivery (%.0f µs each of the %d sent after the replays were"
                            + " queued), %d bad signatures%n"
                            + "  lag at half that: %d member additions/s x %d endpoints = %d deliveries/s"
                            + " offered for %d s (answered %.0f commands/s, %d wrong)%n  %s%n",
                    endpoints,
                    perReceiver,
                    endpoints,
                    delivered,
                    elapsed,
                    sending,
                    perSecond,
                    cpu / Math.max(1, delivered) * 1_000_000,
                    cpuSending / Math.max(1, sentAfterQueued) * 1_000_000,
                    sentAfterQueued,
                    badSignatures,
                    rate,
                    endpoints,
                    rate * endpoints,
                    seconds,
                    open.answeredPerSecond(),
                    open.wrong(),
                    lag.line("delivery lag (event time to acceptance)"));
        } finally {
            receivers.forEach(WebhookReceiver::close);
        }
    }

    private static void awaitAccepted(Collection<WebhookReceiver> receivers, long each, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Set<Integer> behind = new HashSet<>();
            int i = 0;
            for (WebhookReceiver receiver : receivers) {
                if (receiver.acceptedEvents().size() < each) {
                    behind.add(i);
                }
                i++;
            }
            if (behind.isEmpty()) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the receivers did not get " + each + " deliveries each within " + timeout);
    }

    /** Waits until the app uses under 5 % of a core over a second (at most a minute). */
    private static void awaitIdle(RunningApp app) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        double last = app.cpuSeconds();
        while (System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            double now = app.cpuSeconds();
            if (now - last < 0.05) {
                return;
            }
            last = now;
        }
    }

    /** Waits until no receiver has accepted anything new for two seconds (the new tenants' events are through). */
    private static void awaitQuiet(Collection<WebhookReceiver> receivers) throws InterruptedException {
        long last = -1;
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < Duration.ofSeconds(2).toNanos()) {
            long now = receivers.stream().mapToLong(WebhookReceiver::calls).sum();
            if (now != last) {
                last = now;
                quietSince = System.nanoTime();
            }
            Thread.sleep(100);
        }
    }

    private static HttpResponse<String> addMember(
            HttpClient http, String base, String owner, String tenantId, String user) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/tenants/" + tenantId + "/members"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + owner)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"" + user + "\",\"role\":\"MEMBER\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
