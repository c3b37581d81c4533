package io.tenantry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Usage ingest: the app on the embedded default (local billing, so nothing goes to Stripe), {@code tenants} tenants,
 * and {@code clients} platform clients posting batches of {@code batch} records to {@code POST /api/usage} back to
 * back (closed loop), every tenth batch sent twice as a retry would be. Figures over {@code seconds} after a warm-up:
 * records counted per second, the app's CPU per record (from /proc), batch latency; then the daily counters are read
 * back and must add up to exactly the records counted.
 */
final class UsageBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> KEYS = List.of("api-calls", "emails");

    private final int clients;
    private final int seconds;
    private final int batch;
    private final int tenants;

    UsageBench(int clients, int seconds, int batch, int tenants) {
        this.clients = clients;
        this.seconds = seconds;
        this.batch = batch;
        this.tenants = tenants;
    }

    String run(Path jar) throws Exception {
        try (RunningApp app = RunningApp.start(jar)) {
            String partner = app.token("bench-partner", "partner-admin");
            List<String> tenantIds = new ArrayList<>();
            for (int t = 0; t < tenants; t++) {
                String owner = app.token("bench-owner-" + t, null);
                JsonNode created = app.call(
                                "POST",
                                "/api/tenants",
                                owner,
                                Map.of("name", "Usage Co " + t, "slug", "usage-co-" + t, "tier", "POOLED"))
                        .expect(201)
                        .body();
                tenantIds.add(created.path("id").asText());
            }
            for (String tenantId : tenantIds) {
                awaitReadable(app, partner, tenantId);
            }
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            URI usage = URI.create("http://127.0.0.1:" + app.port() + "/api/usage");

            Loop warmUp = new Loop(http, usage, partner, tenantIds, "warm");
            warmUp.run(Math.min(10, seconds));
            double cpuBefore = app.cpuSeconds();
            Loop measured = new Loop(http, usage, partner, tenantIds, "run");
            measured.run(seconds);
            double cpu = app.cpuSeconds() - cpuBefore;

            long counted = 0;
            String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
            for (String tenantId : tenantIds) {
                JsonNode read = app.call(
                                "GET",
                                "/api/tenants/" + tenantId + "/usage?from=" + today + "&to=" + today,
                                partner,
                                null)
                        .expect(200)
                        .body();
                for (JsonNode total : read.path("totals")) {
                    counted += total.asLong();
                }
            }
            long expected = warmUp.quantity.get() + measured.quantity.get();
            if (counted != expected) {
                throw new IllegalStateException(
                        "the counters hold " + counted + " but " + expected + " was counted by the answers");
            }
            if (measured.failed.get() > 0 || warmUp.failed.get() > 0) {
                throw new IllegalStateException((measured.failed.get() + warmUp.failed.get()) + " batches failed");
            }
            Stats latency = new Stats(measured.latencies());
            long accepted = measured.accepted.get();
            return String.format(
                            Locale.ROOT,
                            "Usage ingest (POST /api/usage, %d clients closed loop, batches of %d records over %d tenants"
                                    + " and %d keys, every tenth batch sent twice; %d s after a %d s warm-up)%n",
                            clients,
                            batch,
                            tenants,
                            KEYS.size(),
                            seconds,
                            Math.min(10, seconds))
                    + String.format(
                            Locale.ROOT,
                            "  %.0f records/s counted (%.1f batches/s; %d records sent, %d counted, %d duplicates)%n",
                            accepted / (double) seconds,
                            measured.batches.get() / (double) seconds,
                            measured.sent.get(),
                            accepted,
                            measured.duplicates.get())
                    + String.format(
                            Locale.ROOT,
                            "  app CPU %.1f us per record counted (%.2f CPU seconds)%n",
                            cpu / accepted * 1_000_000,
                            cpu)
                    + String.format(Locale.ROOT, "  %s%n", latency.line("batch latency"))
                    + String.format(
                            Locale.ROOT,
                            "  counters read back: %d = the quantities counted, warm-up included%n",
                            counted);
        }
    }

    private static void awaitReadable(RunningApp app, String token, String tenantId) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (app.call("GET", "/api/tenants/" + tenantId + "/usage", token, null)
                        .status()
                != 200) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("tenant " + tenantId + " not readable after 60 s");
            }
            Thread.sleep(50);
        }
        // ingest finds the tenant in the same read model
        Thread.sleep(500);
    }

    /** The clients' closed loop, and what it counted. */
    private final class Loop {

        private final HttpClient http;
        private final URI usage;
        private final String token;
        private final List<String> tenantIds;
        private final String prefix;
        private final AtomicLong sent = new AtomicLong();
        private final AtomicLong accepted = new AtomicLong();
        private final AtomicLong duplicates = new AtomicLong();
        private final AtomicLong quantity = new AtomicLong();
        private final AtomicLong batches = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();
        private final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());

        Loop(HttpClient http, URI usage, String token, List<String> tenantIds, String prefix) {
            this.http = http;
            this.usage = usage;
            this.token = token;
            this.tenantIds = tenantIds;
            this.prefix = prefix;
        }

        void run(int forSeconds) throws Exception {
            ExecutorService workers = Executors.newFixedThreadPool(clients);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(forSeconds);
            for (int c = 0; c < clients; c++) {
                int client = c;
                workers.execute(() -> {
                    for (int b = 0; System.nanoTime() < until; b++) {
                        try {
                            String body = body(client, b);
                            send(body, true);
                            if (b % 10 == 9) {
                                send(body, false);
                            }
                        } catch (Exception e) {
                            failed.incrementAndGet();
                        }
                    }
                });
            }
            workers.shutdown();
            if (!workers.awaitTermination(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("clients still running after 2 minutes");
            }
        }

        private String body(int client, int b) throws Exception {
            List<Map<String, Object>> records = new ArrayList<>(batch);
            String now = Instant.now().toString();
            for (int r = 0; r < batch; r++) {
                records.add(Map.of(
                        "tenantId",
                        tenantIds.get((client + r) % tenantIds.size()),
                        "id",
                        prefix + "-" + client + "-" + b + "-" + r,
                        "key",
                        KEYS.get(r % KEYS.size()),
                        "quantity",
                        1 + r % 5,
                        "timestamp",
                        now));
            }
            return JSON.writeValueAsString(Map.of("records", records));
        }

        private void send(String body, boolean first) throws Exception {
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(usage)
                            .timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            long nanos = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
            }
            JsonNode answer = JSON.readTree(response.body());
            latencies.add(nanos);
            batches.incrementAndGet();
            sent.addAndGet(batch);
            accepted.addAndGet(answer.path("accepted").asLong());
            duplicates.addAndGet(answer.path("duplicates").asLong());
            if (first) {
                // the quantities of a batch's records: 1 + r % 5 each
                long sum = 0;
                for (int r = 0; r < batch; r++) {
                    sum += 1 + r % 5;
                }
                quantity.addAndGet(answer.path("accepted").asLong() == batch ? sum : 0);
            }
        }

        long[] latencies() {
            return latencies.stream().mapToLong(Long::longValue).toArray();
        }
    }
}
