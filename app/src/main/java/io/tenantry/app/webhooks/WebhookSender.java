package io.tenantry.app.webhooks;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tenantry.command.webhook.PublicAddresses;
import io.tenantry.contracts.lifecycle.LifecycleNotice;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Sends the due webhook deliveries: one thread claims them in batches (one statement, with a lease), hands each to
 * a shared HTTP client that sends asynchronously over a connection pool, and records the outcomes in batches. At
 * most {@code max-in-flight} attempts are under way, and at most {@code per-endpoint-concurrency} of them to one
 * endpoint: the deliveries of an endpoint at its limit are neither claimed nor waited for, so one slow or hanging
 * endpoint never holds up another's. A failed attempt (no 2xx answer in time; a redirect is one too, never followed)
 * is retried with exponential back-off and full jitter until the delivery's give-up time, then FAILED. Endpoints that
 * failed for {@code disable-after} with no success since are disabled ({@link FailingEndpoints}).
 */
final class WebhookSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    static final int MAX_RESPONSE_BYTES = 4096;
    private static final int MAX_ERROR = 500;
    private static final MediaType CLOUD_EVENT = MediaType.get(LifecycleNotice.STRUCTURED_CONTENT_TYPE);
    private static final Duration FAILING_CHECK = Duration.ofSeconds(1);

    private final WebhookDeliveryStore store;
    private final WebhookSecretBox secrets;
    private final WebhookProperties properties;
    private final FailingEndpoints failing;
    private final OkHttpClient http;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<String, AtomicInteger> inFlightByEndpoint = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<WebhookDeliveryStore.Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final Cache<String, String> opened = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();
    private volatile boolean running;
    private volatile Thread loop;
    private long failingCheckedAt;

    WebhookSender(
            WebhookDeliveryStore store,
            WebhookSecretBox secrets,
            WebhookProperties properties,
            FailingEndpoints failing,
            Dns resolver) {
        this.store = store;
        this.secrets = secrets;
        this.properties = properties;
        this.failing = failing;
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(properties.maxInFlight());
        // the per-endpoint limit is ours: many endpoints may share a host
        dispatcher.setMaxRequestsPerHost(properties.maxInFlight());
        this.http = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(Math.max(5, properties.maxInFlight() / 4), 5, TimeUnit.MINUTES))
                .proxy(Proxy.NO_PROXY)
                .dns(new WebhookDns(resolver, properties.allowPrivate()))
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .callTimeout(properties.timeout())
                .connectTimeout(properties.timeout())
                .readTimeout(properties.timeout())
                .writeTimeout(properties.timeout())
                .build();
    }

    @Override
    public void start() {
        running = true;
        loop = new Thread(this::run, "webhook-sender");
        loop.setDaemon(true);
        loop.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = loop;
        if (thread != null) {
            LockSupport.unpark(thread);
            try {
                thread.join(properties.timeout().toMillis() + 1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // attempts still under way keep their lease: their rows are due again once it has passed
        http.dispatcher().cancelAll();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** Deliveries were queued: look for due ones now rather than at the next poll. */
    void wake() {
        Thread thread = loop;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try {
                settle();
                int claimed = claimAndSend();
                checkFailingEndpoints();
                if (claimed < properties.batchSize() && outcomes.isEmpty()) {
                    LockSupport.parkNanos(properties.pollInterval().toNanos());
                }
            } catch (RuntimeException e) {
                log.warn("Webhook sender: {}", e.toString());
                LockSupport.parkNanos(properties.pollInterval().toNanos() * 5);
            }
        }
        settle();
    }

    private int claimAndSend() {
        int room = properties.maxInFlight() - inFlight.get();
        if (room <= 0) {
            return 0;
        }
        Instant now = Instant.now();
        List<WebhookDeliveryStore.Claimed> claimed =
                store.claim(Math.min(room, properties.batchSize()), busyEndpoints(), now, now.plus(properties.lease()));
        List<String> giveBack = new ArrayList<>();
        for (WebhookDeliveryStore.Claimed delivery : claimed) {
            AtomicInteger endpoint =
                    inFlightByEndpoint.computeIfAbsent(delivery.endpointId(), id -> new AtomicInteger());
            if (endpoint.incrementAndGet() > properties.perEndpointConcurrency()) {
                endpoint.decrementAndGet();
                giveBack.add(delivery.id());
            } else {
                inFlight.incrementAndGet();
                send(delivery);
            }
        }
        if (!giveBack.isEmpty()) {
            store.release(giveBack, now.plus(properties.pollInterval()));
        }
        return claimed.size();
    }

    private List<String> busyEndpoints() {
        List<String> busy = new ArrayList<>();
        inFlightByEndpoint.forEach((id, count) -> {
            if (count.get() >= properties.perEndpointConcurrency()) {
                busy.add(id);
            }
        });
        return busy;
    }

    private void send(WebhookDeliveryStore.Claimed delivery) {
        Instant attemptedAt = Instant.now();
        long started = System.nanoTime();
        Request request;
        try {
            HttpUrl url = HttpUrl.get(delivery.url());
            if (!properties.allowPrivate() && !literalIsPublic(url.host())) {
                // the client connects to a literal address without asking the resolver, whose filter it thus skips
                finish(delivery, attemptedAt, null, started, "refused: " + url.host() + " is no public address");
                return;
            }
            long timestamp = attemptedAt.getEpochSecond();
            request = new Request.Builder()
                    .url(url)
                    .header("webhook-id", delivery.id())
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header(
                            "webhook-signature",
                            WebhookSignatures.header(
                                    signingSecrets(delivery, attemptedAt), delivery.id(), timestamp, delivery.body()))
                    .header("User-Agent", "Tenantry-Webhooks/1")
                    .post(RequestBody.create(delivery.body(), CLOUD_EVENT))
                    .build();
        } catch (RuntimeException e) {
            finish(
                    delivery,
                    attemptedAt,
                    null,
                    started,
                    "cannot send: " + e.getClass().getSimpleName());
            return;
        }
        http.newCall(request).enqueue(new Callback() {
            @Override
            public void onResponse(Call call, Response response) {
                try (response) {
                    String excerpt = response.isSuccessful() ? null : excerpt(response.body());
                    String error = response.isSuccessful()
                            ? null
                            : response.isRedirect()
                                    ? "HTTP " + response.code() + " (redirects are not followed)"
                                    : "HTTP " + response.code() + (excerpt.isEmpty() ? "" : ": " + excerpt);
                    finish(delivery, attemptedAt, response.code(), started, error);
                } catch (IOException | RuntimeException e) {
                    finish(delivery, attemptedAt, response.code(), started, why(e));
                }
            }

            @Override
            public void onFailure(Call call, IOException failure) {
                finish(delivery, attemptedAt, null, started, why(failure));
            }
        });
    }

    /** The current secret, and the previous one while it still signs. */
    private List<String> signingSecrets(WebhookDeliveryStore.Claimed delivery, Instant now) {
        String current = open(delivery.endpointId(), delivery.secret());
        if (delivery.previousSecret() != null
                && delivery.previousValidUntil() != null
                && delivery.previousValidUntil().isAfter(now)) {
            return List.of(current, open(delivery.endpointId(), delivery.previousSecret()));
        }
        return List.of(current);
    }

    /** Whether the host, if it is a literal address, is a public one (a name: true, its resolver checks it). */
    static boolean literalIsPublic(String host) {
        if (!(host.contains(":") || host.matches("[0-9.]+"))) {
            return true;
        }
        try {
            return PublicAddresses.isPublic(java.net.InetAddress.getByName(host));
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** A sealed secret opened once, not per delivery (a rotation seals a new one, which is opened anew). */
    private String open(String endpointId, byte[] sealed) {
        return opened.get(
                endpointId + ":" + Base64.getEncoder().encodeToString(sealed), key -> secrets.open(endpointId, sealed));
    }

    /** {@code error} null: delivered. */
    private void finish(
            WebhookDeliveryStore.Claimed delivery, Instant attemptedAt, Integer code, long started, String error) {
        long latencyMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        outcomes.add(outcome(delivery, attemptedAt, code, latencyMs, error));
        inFlight.decrementAndGet();
        inFlightByEndpoint.computeIfPresent(delivery.endpointId(), (id, count) -> {
            count.decrementAndGet();
            return count;
        });
        Thread thread = loop;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    WebhookDeliveryStore.Outcome outcome(
            WebhookDeliveryStore.Claimed delivery, Instant attemptedAt, Integer code, long latencyMs, String error) {
        int attempts = delivery.attempts() + 1;
        if (error == null) {
            return new WebhookDeliveryStore.Outcome(
                    delivery.id(),
                    delivery.endpointId(),
                    delivery.tenantId(),
                    true,
                    WebhookDeliveryStore.DELIVERED,
                    attempts,
                    attemptedAt,
                    code,
                    latencyMs,
                    null,
                    attemptedAt);
        }
        Instant now = Instant.now();
        boolean givenUp = !now.isBefore(delivery.giveUpAt());
        Instant next = givenUp ? attemptedAt : min(now.plus(backOff(attempts)), delivery.giveUpAt());
        return new WebhookDeliveryStore.Outcome(
                delivery.id(),
                delivery.endpointId(),
                delivery.tenantId(),
                false,
                givenUp ? WebhookDeliveryStore.FAILED : WebhookDeliveryStore.PENDING,
                attempts,
                attemptedAt,
                code,
                latencyMs,
                error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error,
                next);
    }

    /** Full jitter: anywhere up to the initial interval doubled per failed attempt, within the cap. */
    Duration backOff(int failedAttempts) {
        long initial = properties.retryInitialInterval().toMillis();
        long cap = properties.retryMaxInterval().toMillis();
        long ceiling = failedAttempts >= 31 ? cap : Math.min(cap, initial << Math.max(0, failedAttempts - 1));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
    }

    private void settle() {
        List<WebhookDeliveryStore.Outcome> batch = new ArrayList<>();
        WebhookDeliveryStore.Outcome next;
        while (batch.size() < 1_000 && (next = outcomes.poll()) != null) {
            batch.add(next);
        }
        if (!batch.isEmpty()) {
            try {
                store.settle(batch);
            } catch (RuntimeException e) {
                // the rows keep their lease and are tried again after it, with the same id
                log.warn("Webhook sender: {} outcomes not recorded: {}", batch.size(), e.toString());
            }
        }
    }

    private void checkFailingEndpoints() {
        long now = System.nanoTime();
        if (now - failingCheckedAt < FAILING_CHECK.toNanos()) {
            return;
        }
        failingCheckedAt = now;
        failing.disableThoseFailingSince(Instant.now().minus(properties.disableAfter()));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static String excerpt(ResponseBody body) throws IOException {
        if (body == null) {
            return "";
        }
        try (InputStream in = body.byteStream()) {
            return new String(in.readNBytes(MAX_RESPONSE_BYTES), StandardCharsets.UTF_8)
                    .replaceAll("\\s+", " ")
                    .strip();
        }
    }

    /** What went wrong, in words. */
    private static String why(Exception failure) {
        if (failure instanceof WebhookDns.NotPublic notPublic) {
            return "address not allowed: " + notPublic.getMessage();
        }
        if (failure instanceof java.net.UnknownHostException) {
            return "no address for the host";
        }
        if (failure instanceof InterruptedIOException) {
            return "timed out";
        }
        if (failure instanceof SSLException) {
            return "TLS handshake failed";
        }
        if (failure instanceof ConnectException) {
            return "connection refused";
        }
        return "no answer (" + failure.getClass().getSimpleName() + ")";
    }
}
