package io.tenantry.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Steps 2 and 3: {@code clients} closed-loop clients send a mix of tenant creations (25 %), member additions (55 %)
 * and plan changes (20 %), each client on its own tenants (no two clients write one aggregate), for a warm-up and then
 * {@code seconds} measured seconds. No read is timed here (the projection lag has its own open-loop run, {@link
 * LagRun}).
 * Every write carries an {@code Idempotency-Key}, as a real client's does.
 */
final class CommandLoad {

    record Result(
            int clients,
            int seconds,
            long commands,
            double commandsPerSecond,
            Stats latency,
            Map<String, Stats> latencyByKind,
            long errors,
            String firstError,
            long acknowledgedWithWarmUp) {}

    private static final int MAX_MEMBERS = 20;

    private final RunningApp app;
    private final String token;
    private final int clients;
    private final int warmUpSeconds;
    private final int seconds;

    CommandLoad(RunningApp app, String token, int clients, int warmUpSeconds, int seconds) {
        this.app = app;
        this.token = token;
        this.clients = clients;
        this.warmUpSeconds = warmUpSeconds;
        this.seconds = seconds;
    }

    private record Timing(String kind, long nanos) {}

    Result run() throws Exception {
        long measureFrom = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmUpSeconds);
        long measureUntil = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
        ConcurrentLinkedQueue<Timing> timings = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        AtomicLong acknowledgedCount = new AtomicLong();
        List<String> firstError = new ArrayList<>();
        AtomicLong sequence = new AtomicLong();
        ExecutorService workers = Executors.newFixedThreadPool(clients);
        String run = Long.toString(System.currentTimeMillis(), 36);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            running.add(workers.submit(() -> {
                Random random = new Random(client);
                List<OwnTenant> tenants = new ArrayList<>();
                int made = 0;
                while (System.nanoTime() < measureUntil) {
                    double dice = random.nextDouble();
                    OwnTenant target = tenants.isEmpty() ? null : tenants.get(random.nextInt(tenants.size()));
                    // the subscription is started by a saga after the create: ask (untimed) once it may be there,
                    // and change plans only where it is
                    if (target != null && target.probeSubscription()) {
                        try {
                            target.subscriptionReady =
                                    app.call("GET", "/api/tenants/" + target.id + "/subscription", token, null)
                                                    .status()
                                            == 200;
                        } catch (Exception e) {
                            // asked again next time
                        }
                    }
                    long began = System.nanoTime();
                    String kind;
                    RunningApp.Call call;
                    try {
                        if (target == null || dice < 0.25 || (dice < 0.80 && target.members >= MAX_MEMBERS)) {
                            kind = "create";
                            String slug = "b" + run + "-" + client + "-" + made++;
                            call = app.call(
                                    "POST",
                                    "/api/tenants",
                                    token,
                                    Map.of("name", "Load " + slug, "slug", slug, "tier", "POOLED", "planId", "team"),
                                    UUID.randomUUID().toString());
                            if (call.status() == 201) {
                                tenants.add(new OwnTenant(call.body().path("id").asText()));
                            }
                        } else if (dice < 0.80 || !target.subscriptionReady) {
                            kind = "member-add";
                            String user = "u-" + run + "-" + client + "-" + sequence.incrementAndGet();
                            call = app.call(
                                    "POST",
                                    "/api/tenants/" + target.id + "/members",
                                    token,
                                    Map.of("userId", user, "role", "MEMBER"),
                                    UUID.randomUUID().toString());
                            if (call.status() == 201) {
                                target.members++;
                            }
                        } else {
                            kind = "plan-change";
                            String plan = target.plan.equals("team") ? "business" : "team";
                            call = app.call(
                                    "PUT",
                                    "/api/tenants/" + target.id + "/subscription/plan",
                                    token,
                                    Map.of("planId", plan, "reason", "bench"),
                                    UUID.randomUUID().toString());
                            if (call.status() == 200) {
                                target.plan = plan;
                            }
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        synchronized (firstError) {
                            if (firstError.isEmpty()) {
                                firstError.add(e.toString());
                            }
                        }
                        continue;
                    }
                    long acknowledged = System.nanoTime();
                    boolean ok = call.status() / 100 == 2;
                    if (ok) {
                        acknowledgedCount.incrementAndGet();
                    }
                    if (!ok) {
                        errors.incrementAndGet();
                        synchronized (firstError) {
                            if (firstError.isEmpty()) {
                                firstError.add(kind + ": " + call.status() + " " + call.body());
                            }
                        }
                    }
                    if (began >= measureFrom && acknowledged <= measureUntil && ok) {
                        timings.add(new Timing(kind, acknowledged - began));
                    }
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get();
        }
        workers.shutdown();

        long[] all = timings.stream().mapToLong(Timing::nanos).toArray();
        Map<String, Stats> byKind = new java.util.TreeMap<>();
        for (String kind : List.of("create", "member-add", "plan-change")) {
            byKind.put(
                    kind,
                    new Stats(timings.stream()
                            .filter(t -> t.kind().equals(kind))
                            .mapToLong(Timing::nanos)
                            .toArray()));
        }
        return new Result(
                clients,
                seconds,
                all.length,
                all.length / (double) seconds,
                new Stats(all),
                byKind,
                errors.get(),
                firstError.isEmpty() ? null : firstError.get(0),
                acknowledgedCount.get());
    }
}
