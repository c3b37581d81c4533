package io.tenantry.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The entitlement check {@code GET /api/tenants/{id}/entitlements/{key}?quantity=1} (a hard quota: access, plan,
 * override and the month's usage in one statement) beside the membership check it is held to, in the same app: each
 * as fast as {@code clients} clients can (closed loop) after a warm-up, with the app's CPU per check from /proc, then
 * at {@code rate} per second (open loop: latency). {@code --app-args} go to the app (a before/after of a setting).
 */
final class EntitlementBench {

    private final int clients;
    private final int seconds;
    private final int rate;
    private final String[] appArguments;

    EntitlementBench(int clients, int seconds, int rate, String appArguments) {
        this.clients = clients;
        this.seconds = seconds;
        this.rate = rate;
        this.appArguments = appArguments == null || appArguments.isBlank()
                ? new String[0]
                : appArguments.trim().split("\\s+");
    }

    String run(Path jar) throws Exception {
        try (RunningApp app = RunningApp.start(jar, appArguments)) {
            String owner = app.token("bench-owner", null);
            String tenantId = app.call(
                            "POST",
                            "/api/tenants",
                            owner,
                            Map.of("name", "Bench Co", "slug", "bench-entitled", "tier", "POOLED", "planId", "team"))
                    .expect(201)
                    .body()
                    .path("id")
                    .asText();
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            String base = "http://127.0.0.1:" + app.port() + "/api/tenants/" + tenantId;
            HttpRequest entitlement = get(base + "/entitlements/api-calls?quantity=1", owner);
            HttpRequest membership = get(base + "/members/bench-owner", owner);
            OpenLoop.Request checkEntitlement = i ->
                    http.send(entitlement, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
            OpenLoop.Request checkMembership = i ->
                    http.send(membership, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
            // the read model has the tenant once both answer
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!(checkEntitlement.send(0) && checkMembership.send(0))) {
                if (System.nanoTime() > until) {
                    throw new IllegalStateException("the checks never answered 200");
                }
                Thread.sleep(50);
            }
            OpenLoop.closedLoop(clients, 15, checkEntitlement); // warm-up
            OpenLoop.closedLoop(clients, 15, checkMembership);
            OpenLoop.Measured entitlements =
                    OpenLoop.measuredClosedLoop(app, clients, seconds, "entitlement checks", checkEntitlement);
            OpenLoop.Measured memberships =
                    OpenLoop.measuredClosedLoop(app, clients, seconds, "membership checks", checkMembership);
            OpenLoop.Result open = OpenLoop.run(rate, seconds, 32, checkEntitlement);
            return String.format(
                            Locale.ROOT,
                            "Entitlement check (GET .../entitlements/api-calls?quantity=1, a hard quota), %d clients"
                                    + " closed loop for %d s each after 15 s of warm-up, then %d/s open loop%n",
                            clients,
                            seconds,
                            rate)
                    + String.format(
                            Locale.ROOT,
                            "  entitlement check: %.0f checks/s, app CPU %.0f µs per check%n",
                            entitlements.perSecond(),
                            entitlements.cpuPerAnswer() * 1_000_000)
                    + String.format(
                            Locale.ROOT,
                            "  membership check (same app, same clients): %.0f checks/s, app CPU %.0f µs per check%n",
                            memberships.perSecond(),
                            memberships.cpuPerAnswer() * 1_000_000)
                    + String.format(
                            Locale.ROOT,
                            "  open loop at %d/s: answered %.0f/s, %d wrong, %d dropped%n  %s%n",
                            rate,
                            open.answeredPerSecond(),
                            open.wrong(),
                            open.dropped(),
                            open.latency().line("latency"));
        }
    }

    private static HttpRequest get(String uri, String token) {
        return HttpRequest.newBuilder(URI.create(uri))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
    }
}
