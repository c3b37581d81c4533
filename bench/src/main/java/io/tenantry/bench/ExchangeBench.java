package io.tenantry.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Token exchanges (RFC 8693): the app on the embedded default, one tenant and its owner; the owner's token exchanged
 * for a tenant token as fast as {@code clients} clients can (closed loop: throughput, and the app's CPU per exchange
 * from /proc), then at {@code rate} per second whatever the answers' pace (open loop: latency). The per-subject rate
 * limit is lifted for the run: one subject stands for many here.
 */
final class ExchangeBench {

    private final int clients;
    private final int seconds;
    private final int rate;

    ExchangeBench(int clients, int seconds, int rate) {
        this.clients = clients;
        this.seconds = seconds;
        this.rate = rate;
    }

    String run(Path jar) throws Exception {
        try (RunningApp app = RunningApp.start(jar, "--tenantry.oauth.exchanges-per-minute=2000000000")) {
            String owner = app.token("bench-owner", null);
            app.call("POST", "/api/tenants", owner, Map.of("name", "Bench Co", "slug", "bench-co", "tier", "POOLED"))
                    .expect(201);
            String form = "grant_type=" + encode("urn:ietf:params:oauth:grant-type:token-exchange")
                    + "&subject_token=" + encode(owner)
                    + "&subject_token_type=" + encode("urn:ietf:params:oauth:token-type:access_token")
                    + "&audience=" + encode("tenant:bench-co");
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            HttpRequest exchange = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + app.port() + "/oauth2/token"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build();
            OpenLoop.Request request = i ->
                    http.send(exchange, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;

            OpenLoop.closedLoop(clients, 20, request); // warm-up
            OpenLoop.Measured closed = OpenLoop.measuredClosedLoop(app, clients, seconds, "exchanges", request);
            OpenLoop.Result open = OpenLoop.run(rate, seconds, 32, request);
            return String.format(
                            Locale.ROOT,
                            "Token exchange (POST /oauth2/token, ES256, %d clients closed loop for %d s, then %d/s open"
                                    + " loop)%n",
                            clients,
                            seconds,
                            rate)
                    + String.format(
                            Locale.ROOT,
                            "  closed loop: %.0f exchanges/s, app CPU %.3f ms per exchange%n",
                            closed.perSecond(),
                            closed.cpuPerAnswer() * 1000)
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

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
