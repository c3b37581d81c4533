package io.tenantry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver on loopback, as a customer would run one: it checks each delivery's Standard Webhooks signature
 * ({@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature} = {@code v1,} base64 HMAC-SHA256 of
 * {@code id.timestamp.body} under the base64-decoded {@code whsec_} secret, here written out independently of
 * Tenantry's signer) and records what arrived: per CloudEvent id, the webhook-ids it came with, when it was first
 * accepted and how late. It can misbehave on purpose: answer 500 to every n-th call, hang until closed, answer slowly,
 * or be down (its port closed: connections refused) and come back on the same port.
 */
public final class WebhookReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** How the receiver answers. */
    public enum Mode {
        /** 204 to every delivery. */
        ANSWER,
        /** 500 to every {@code failEvery}-th call, 204 to the others. */
        FAIL_SOME,
        /** Holds every call open until the receiver is closed (the sender's timeout ends it). */
        HANG
    }

    private final int port;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "webhook-receiver");
        thread.setDaemon(true);
        return thread;
    });
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile HttpServer server;
    private volatile Mode mode = Mode.ANSWER;
    private volatile int failEvery = 3;
    private volatile long delayMillis;
    private volatile List<byte[]> keys = List.of();

    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong failedOnPurpose = new AtomicLong();
    private final AtomicLong badSignatures = new AtomicLong();
    private final AtomicLong unreadable = new AtomicLong();
    private final Map<String, Set<String>> webhookIdsByEvent = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> callsByWebhookId = new ConcurrentHashMap<>();
    private final Map<String, Long> firstAcceptedLagMillis = new ConcurrentHashMap<>();
    private final Map<String, Long> firstAcceptedAt = new ConcurrentHashMap<>();
    private final Map<String, String> typeByEvent = new ConcurrentHashMap<>();

    private WebhookReceiver(int port) throws IOException {
        this.port = port;
        open();
    }

    /** A receiver on a free loopback port, answering 204. */
    public static WebhookReceiver start() throws IOException {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        return new WebhookReceiver(port);
    }

    /** The URL to register: plain HTTP on loopback (the app needs {@code tenantry.webhooks.allow-private=true}). */
    public String url() {
        return "http://127.0.0.1:" + port + "/hook";
    }

    /** The endpoint's secrets ({@code whsec_…}); a delivery passes when one of its signatures matches one of them. */
    public void secrets(String... secrets) {
        List<byte[]> decoded = new ArrayList<>();
        for (String secret : secrets) {
            decoded.add(Base64.getDecoder().decode(secret.substring(secret.indexOf('_') + 1)));
        }
        keys = List.copyOf(decoded);
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    public void failEvery(int n) {
        this.failEvery = n;
        this.mode = Mode.FAIL_SOME;
    }

    /** Each accepted call answers only after this long. */
    public void delay(long millis) {
        this.delayMillis = millis;
    }

    /** Closes the port: connections are refused until {@link #up}. */
    public synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Opens the port again (the same one). */
    public synchronized void up() throws IOException {
        if (server == null) {
            open();
        }
    }

    private void open() throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                HttpServer opened = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
                opened.setExecutor(threads);
                opened.createContext("/", this::handle);
                opened.start();
                server = opened;
                return;
            } catch (java.net.BindException e) {
                last = e; // the port just closed may linger a moment
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
        throw last;
    }

    private void handle(HttpExchange exchange) throws IOException {
        long receivedAt = System.currentTimeMillis();
        long call = calls.incrementAndGet();
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String webhookId = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            if (webhookId == null || timestamp == null || signature == null) {
                unreadable.incrementAndGet();
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            if (!verified(webhookId, timestamp, signature, body)) {
                badSignatures.incrementAndGet();
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            JsonNode event = parse(body);
            if (event == null) {
                unreadable.incrementAndGet();
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            String eventId = event.path("id").asText();
            webhookIdsByEvent
                    .computeIfAbsent(eventId, id -> ConcurrentHashMap.newKeySet())
                    .add(webhookId);
            callsByWebhookId.computeIfAbsent(webhookId, id -> new AtomicLong()).incrementAndGet();
            typeByEvent.putIfAbsent(eventId, event.path("type").asText());
            Mode now = mode;
            if (now == Mode.HANG) {
                closed.await(10, TimeUnit.MINUTES);
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            if (now == Mode.FAIL_SOME && call % failEvery == 0) {
                failedOnPurpose.incrementAndGet();
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            exchange.sendResponseHeaders(204, -1);
            accepted.incrementAndGet();
            if (firstAcceptedAt.putIfAbsent(eventId, receivedAt) == null) {
                Instant time = Instant.parse(event.path("time").asText());
                firstAcceptedLagMillis.put(eventId, receivedAt - time.toEpochMilli());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            unreadable.incrementAndGet();
        }
    }

    private boolean verified(String id, String timestamp, String header, byte[] body) {
        byte[] signed = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        for (byte[] key : keys) {
            byte[] expected = hmac(key, signed, body);
            for (String part : header.split(" ")) {
                if (part.startsWith("v1,")
                        && MessageDigest.isEqual(expected, Base64.getDecoder().decode(part.substring(3)))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static byte[] hmac(byte[] key, byte[] prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(prefix);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.hasNonNull("id") && node.hasNonNull("time") ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Calls received (any answer). */
    public long calls() {
        return calls.get();
    }

    /** Calls answered 2xx. */
    public long accepted() {
        return accepted.get();
    }

    public long failedOnPurpose() {
        return failedOnPurpose.get();
    }

    public long badSignatures() {
        return badSignatures.get();
    }

    public long unreadable() {
        return unreadable.get();
    }

    /** The CloudEvent ids accepted at least once (answered 2xx). */
    public Set<String> acceptedEvents() {
        return Set.copyOf(firstAcceptedAt.keySet());
    }

    /** Every CloudEvent id received, with the webhook-ids it came with (one, if the sender keeps its ids). */
    public Map<String, Set<String>> webhookIdsByEvent() {
        return Map.copyOf(webhookIdsByEvent);
    }

    /** How many calls each webhook-id took (more than one: retried, or delivered again). */
    public Map<String, AtomicLong> callsByWebhookId() {
        return Map.copyOf(callsByWebhookId);
    }

    /** Per accepted event: milliseconds from the event's time to its first acceptance here. */
    public Map<String, Long> lagMillis() {
        return Map.copyOf(firstAcceptedLagMillis);
    }

    /** Per accepted event: when it was first accepted (epoch milliseconds). */
    public Map<String, Long> acceptedAt() {
        return Map.copyOf(firstAcceptedAt);
    }

    public String typeOf(String eventId) {
        return typeByEvent.get(eventId);
    }

    /** Forgets what was received (a bench between its phases). */
    public void clear() {
        webhookIdsByEvent.clear();
        callsByWebhookId.clear();
        firstAcceptedAt.clear();
        firstAcceptedLagMillis.clear();
        typeByEvent.clear();
        calls.set(0);
        accepted.set(0);
        failedOnPurpose.set(0);
    }

    @Override
    public void close() {
        closed.countDown();
        down();
        threads.shutdownNow();
    }
}
