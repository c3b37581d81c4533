package io.tenantry.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * "Which plan was tenant X on at time T": one tenant gets {@code changes} plan changes through the API, then
 * {@code queries} as-of questions at random instants across its history are asked and every answer is checked against
 * the plans the changes answered. Prints the latency of the changes (early and late, to show whether they slow down as
 * the history grows) and of the as-of answers, plus a page of the history and a diff over all of it.
 */
final class AuditAsOfBench {

    private static final String[] PLANS = {"team", "business"};

    private final int changes;
    private final int queries;

    AuditAsOfBench(int changes, int queries) {
        this.changes = changes;
        this.queries = queries;
    }

    String run(Path jar) throws Exception {
        Instant began = Instant.now();
        try (RunningApp app = RunningApp.start(jar)) {
            String owner = app.token("bench-owner", null);
            String auditor = app.token("bench-auditor", "partner-admin");
            String tenantId = app.call(
                            "POST",
                            "/api/tenants",
                            owner,
                            Map.of("name", "Bench Co", "slug", "bench-co", "tier", "POOLED"))
                    .expect(201)
                    .body()
                    .path("id")
                    .asText();
            Instant created = Instant.now();
            awaitSubscription(app, owner, tenantId);

            List<Instant> changedAt = new ArrayList<>(changes);
            List<String> planAfter = new ArrayList<>(changes);
            long[] changeNanos = new long[changes];
            Instant changesBegan = Instant.now();
            for (int i = 0; i < changes; i++) {
                String plan = PLANS[i % 2];
                RunningApp.Call call = app.call(
                                "PUT",
                                "/api/tenants/" + tenantId + "/subscription/plan",
                                owner,
                                Map.of("planId", plan, "reason", "bench " + i))
                        .expect(200);
                changeNanos[i] = call.nanos();
                changedAt.add(Instant.parse(call.body().path("changedAt").asText()));
                planAfter.add(plan);
            }
            Duration changing = Duration.between(changesBegan, Instant.now());

            Random random = new Random(42);
            Instant first = created;
            long span = Duration.between(first, changedAt.get(changes - 1).plusSeconds(1))
                    .toMillis();
            long[] asOfNanos = new long[queries];
            int wrong = 0;
            for (int i = 0; i < 50; i++) {
                app.call("GET", "/api/audit/tenants/" + tenantId + "/plan-changes?asOf=" + first, auditor, null)
                        .expect(200);
            }
            for (int i = 0; i < queries; i++) {
                Instant at = first.plusMillis((long) (random.nextDouble() * span));
                RunningApp.Call call = app.call(
                                "GET", "/api/audit/tenants/" + tenantId + "/plan-changes?asOf=" + at, auditor, null)
                        .expect(200);
                asOfNanos[i] = call.nanos();
                if (!expectedPlan(changedAt, planAfter, at, "free")
                        .equals(call.body().path("planId").asText())) {
                    wrong++;
                }
            }

            long[] pageNanos = new long[20];
            long[] lastPageNanos = new long[20];
            for (int i = 0; i < 20; i++) {
                pageNanos[i] = app.call(
                                "GET", "/api/audit/tenants/" + tenantId + "/plan-changes?limit=50", auditor, null)
                        .expect(200)
                        .nanos();
                lastPageNanos[i] = app.call(
                                "GET",
                                "/api/audit/tenants/" + tenantId + "/plan-changes?limit=50&offset="
                                        + Math.max(0, changes - 50),
                                auditor,
                                null)
                        .expect(200)
                        .nanos();
            }
            long[] diffNanos = new long[5];
            for (int i = 0; i < 5; i++) {
                diffNanos[i] = app.call(
                                "GET",
                                "/api/audit/tenants/" + tenantId + "/diff?from=" + first + "&to="
                                        + changedAt.get(changes - 1).plusSeconds(1),
                                auditor,
                                null)
                        .expect(200)
                        .nanos();
            }

            int slice = Math.max(1, Math.min(1000, changes / 10));
            StringBuilder report = new StringBuilder();
            report.append(String.format(
                    Locale.ROOT,
                    "audit-asof: %d plan changes, %d as-of queries (one client, sequential)%n",
                    changes,
                    queries));
            report.append(String.format(
                    Locale.ROOT,
                    "run %s on %s, %d cores, JVM %s%n",
                    began,
                    System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                    Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version")));
            report.append(String.format(
                    Locale.ROOT,
                    "plan changes: %.1f s in all, %.0f per second%n",
                    changing.toMillis() / 1000.0,
                    changes / Math.max(0.001, changing.toMillis() / 1000.0)));
            report.append(new Stats(slice(changeNanos, 0, slice)).line("PUT plan, first " + slice))
                    .append('\n');
            report.append(new Stats(slice(changeNanos, changes - slice, changes)).line("PUT plan, last " + slice))
                    .append('\n');
            report.append(new Stats(asOfNanos).line("GET plan-changes?asOf (random instants)"))
                    .append('\n');
            report.append(new Stats(pageNanos).line("GET plan-changes, first page of 50"))
                    .append('\n');
            report.append(new Stats(lastPageNanos).line("GET plan-changes, last page of 50"))
                    .append('\n');
            report.append(new Stats(diffNanos).line("GET diff over the whole history"))
                    .append('\n');
            report.append(String.format(
                    Locale.ROOT, "as-of answers checked against the changes: %d of %d wrong%n", wrong, queries));
            return report.toString();
        }
    }

    /** The plan in force at {@code at}: the last change at or before it, else the plan the tenant started on. */
    static String expectedPlan(List<Instant> changedAt, List<String> planAfter, Instant at, String startedOn) {
        int low = 0;
        int high = changedAt.size() - 1;
        int found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (!changedAt.get(middle).isAfter(at)) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return found < 0 ? startedOn : planAfter.get(found);
    }

    private static void awaitSubscription(RunningApp app, String token, String tenantId) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (app.call("GET", "/api/tenants/" + tenantId + "/subscription", token, null)
                        .status()
                != 200) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the tenant's subscription did not start");
            }
            Thread.sleep(100);
        }
    }

    private static long[] slice(long[] values, int from, int to) {
        long[] slice = new long[to - from];
        System.arraycopy(values, from, slice, 0, slice.length);
        return slice;
    }
}
