package io.tenantry.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Step 3: the projection lag below saturation. Commands arrive at a fixed rate (an open loop: a slow answer does not
 * slow the arrivals), one in five a tenant creation and the rest member additions spread over pre-made tenants; every
 * {@code probeEvery}-th acknowledged command is followed by reads every 2 ms until the write shows in the read model.
 * The lag is acknowledgement to visibility.
 */
final class LagRun {

    record Result(int perSecond, int seconds, OpenLoop.Result commands, Stats lag, int timeouts) {}

    private static final int ADDS_PER_TENANT = 15;

    private LagRun() {}

    static Result run(RunningApp app, String token, int perSecond, int seconds, int probeEvery) throws Exception {
        int tenantsNeeded = Math.max(1, perSecond * seconds / ADDS_PER_TENANT + 1);
        String run = Long.toString(System.nanoTime(), 36);
        List<String> tenants = new ArrayList<>();
        for (int i = 0; i < tenantsNeeded; i++) {
            tenants.add(create(app, token, "lag" + run + "-p" + i));
        }
        ConcurrentLinkedQueue<Long> lags = new ConcurrentLinkedQueue<>();
        AtomicInteger timeouts = new AtomicInteger();
        OpenLoop.Result commands = OpenLoop.run(perSecond, seconds, 64, i -> {
            String probe;
            boolean ok;
            if (i % 5 == 0) {
                String id = create(app, token, "lag" + run + "-" + i);
                ok = id != null;
                probe = "/api/tenants/" + id;
            } else {
                String tenant = tenants.get((int) (i % tenants.size()));
                String user = "lag-" + run + "-" + i;
                ok = app.call(
                                        "POST",
                                        "/api/tenants/" + tenant + "/members",
                                        token,
                                        Map.of("userId", user, "role", "MEMBER"),
                                        UUID.randomUUID().toString())
                                .status()
                        == 201;
                probe = "/api/tenants/" + tenant + "/members/" + user;
            }
            if (ok && i % probeEvery == 0) {
                long acknowledged = System.nanoTime();
                long deadline = acknowledged + TimeUnit.SECONDS.toNanos(30);
                while (System.nanoTime() < deadline) {
                    if (app.call("GET", probe, token, null).status() == 200) {
                        lags.add(System.nanoTime() - acknowledged);
                        return true;
                    }
                    Thread.sleep(2);
                }
                timeouts.incrementAndGet();
            }
            return ok;
        });
        return new Result(
                perSecond,
                seconds,
                commands,
                new Stats(lags.stream().mapToLong(Long::longValue).toArray()),
                timeouts.get());
    }

    private static String create(RunningApp app, String token, String slug) throws Exception {
        RunningApp.Call call = app.call(
                "POST",
                "/api/tenants",
                token,
                Map.of("name", "Lag " + slug, "slug", slug, "tier", "POOLED", "planId", "team"),
                UUID.randomUUID().toString());
        return call.status() == 201 ? call.body().path("id").asText() : null;
    }
}
