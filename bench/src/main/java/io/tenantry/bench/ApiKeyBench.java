package io.tenantry.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Requests authenticated by a tenant API key ({@code Authorization: Bearer tnt_…}) beside the same requests with the
 * owner's JWT, in the same app: the membership check {@code GET /api/tenants/{id}/members/{userId}} and the cheapest
 * authenticated request there is ({@code GET /api/api-keys/scopes}, a constant: what is left is authentication and the
 * web stack). Each as fast as {@code clients} clients can (closed loop) after a warm-up, with the app's CPU per request
 * from /proc, then the key's membership check at {@code rate} per second (open loop: latency). The key's rate limit is
 * raised out of the way (its bucket is still taken from on every request); {@code --app-args} go to the app.
 */
final class ApiKeyBench {

    private final int clients;
    private final int seconds;
    private final int rate;
    private final String[] appArguments;

    ApiKeyBench(int clients, int seconds, int rate, String appArguments) {
        this.clients = clients;
        this.seconds = seconds;
        this.rate = rate;
        List<String> arguments = new ArrayList<>(List.of("--tenantry.api-keys.rate-limit=100000000"));
        if (appArguments != null && !appArguments.isBlank()) {
            arguments.addAll(List.of(appArguments.trim().split("\\s+")));
        }
        this.appArguments = arguments.toArray(String[]::new);
    }

    String run(Path jar) throws Exception {
        try (RunningApp app = RunningApp.start(jar, appArguments)) {
            String owner = app.token("bench-owner", null);
            String tenantId = app.call(
                            "POST",
                            "/api/tenants",
                            owner,
                            Map.of("name", "Bench Co", "slug", "bench-keys", "tier", "POOLED", "planId", "team"))
                    .expect(201)
                    .body()
                    .path("id")
                    .asText();
            String key = app.call(
                            "POST",
                            "/api/tenants/" + tenantId + "/api-keys",
                            owner,
                            Map.of("name", "bench", "scopes", List.of("members:read")))
                    .expect(201)
                    .body()
                    .path("secret")
                    .asText();
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            String base = "http://127.0.0.1:" + app.port();
            String member = base + "/api/tenants/" + tenantId + "/members/bench-owner";
            String scopes = base + "/api/api-keys/scopes";
            OpenLoop.Request keyMembership = ok(http, get(member, key));
            OpenLoop.Request jwtMembership = ok(http, get(member, owner));
            OpenLoop.Request keyScopes = ok(http, get(scopes, key));
            OpenLoop.Request jwtScopes = ok(http, get(scopes, owner));
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!(keyMembership.send(0) && jwtMembership.send(0))) {
                if (System.nanoTime() > until) {
                    throw new IllegalStateException("the membership check never answered 200");
                }
                Thread.sleep(50);
            }
            OpenLoop.closedLoop(clients, 15, keyMembership); // warm-up
            OpenLoop.closedLoop(clients, 10, jwtMembership);
            OpenLoop.closedLoop(clients, 5, keyScopes);
            OpenLoop.closedLoop(clients, 5, jwtScopes);
            OpenLoop.Measured byKey =
                    OpenLoop.measuredClosedLoop(app, clients, seconds, "membership checks by key", keyMembership);
            OpenLoop.Measured byJwt =
                    OpenLoop.measuredClosedLoop(app, clients, seconds, "membership checks by JWT", jwtMembership);
            OpenLoop.Measured scopesByKey =
                    OpenLoop.measuredClosedLoop(app, clients, seconds, "scopes by key", keyScopes);
            OpenLoop.Measured scopesByJwt =
                    OpenLoop.measuredClosedLoop(app, clients, seconds, "scopes by JWT", jwtScopes);
            OpenLoop.Result open = OpenLoop.run(rate, seconds, 32, keyMembership);
            return String.format(
                            Locale.ROOT,
                            "API-key authenticated requests, %d clients closed loop for %d s each after warm-up,"
                                    + " then %d/s open loop%n",
                            clients,
                            seconds,
                            rate)
                    + line("membership check, by API key", byKey)
                    + line("membership check, by JWT (same app)", byJwt)
                    + line("GET /api/api-keys/scopes, by API key", scopesByKey)
                    + line("GET /api/api-keys/scopes, by JWT", scopesByJwt)
                    + String.format(
                            Locale.ROOT,
                            "  open loop at %d/s (membership by key): answered %.0f/s, %d wrong, %d dropped%n  %s%n",
                            rate,
                            open.answeredPerSecond(),
                            open.wrong(),
                            open.dropped(),
                            open.latency().line("latency"));
        }
    }

    private static String line(String what, OpenLoop.Measured measured) {
        return String.format(
                Locale.ROOT,
                "  %s: %.0f requests/s, app CPU %.0f µs per request%n",
                what,
                measured.perSecond(),
                measured.cpuPerAnswer() * 1_000_000);
    }

    private static OpenLoop.Request ok(HttpClient http, HttpRequest request) {
        return i -> http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
    }

    private static HttpRequest get(String uri, String token) {
        return HttpRequest.newBuilder(URI.create(uri))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
    }
}
