package io.tenantry.orchestrator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Answers Tenantry on its provisioning webhook, the only way an orchestrator speaks to it:
 * {@code POST /api/webhooks/provisioning} with {@code {"status", "initiatorId", "type"}} (and a {@code "reason"} code
 * for a failure), {@code x-timestamp} (epoch ms) and {@code x-signature}: hex HMAC-SHA256, keyed by the shared
 * webhook secret, of the body + the request's context id + the timestamp.
 */
public final class WebhookAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final Supplier<URI> webhook;
    private final byte[] secret;
    private final Clock clock;

    public WebhookAnswers(HttpClient http, Supplier<URI> webhook, String secret, Clock clock) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("The provisioning webhook secret is empty");
        }
        this.http = http;
        this.webhook = webhook;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /**
     * Sends the answer and returns Tenantry's HTTP status: 2xx taken (200 also for a repeat), 4xx refused for good
     * (401 a signature it does not accept, 404 an unknown tenant, 409 an attempt that already ended). Throws
     * {@link WebhookUnavailableException} when it could not be delivered (no connection, 5xx, 429): send it again.
     */
    public int send(ProvisioningRequest request, boolean success, String reason) {
        String body = body(request, success, reason);
        String timestamp = Long.toString(clock.millis());
        HttpRequest post = HttpRequest.newBuilder(webhook.get())
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("x-timestamp", timestamp)
                .header("x-signature", sign(body, request.contextId(), timestamp))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(post, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new WebhookUnavailableException("Tenantry's webhook " + post.uri() + " is unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebhookUnavailableException("Interrupted while answering on " + post.uri(), e);
        }
        int status = response.statusCode();
        if (status >= 500 || status == 429 || status == 408) {
            throw new WebhookUnavailableException(
                    "Tenantry's webhook answered " + status + ": " + abbreviate(response.body()), null);
        }
        return status;
    }

    /** The answer's body, exactly as signed. */
    static String body(ProvisioningRequest request, boolean success, String reason) {
        ObjectNode body = JSON.createObjectNode()
                .put("status", success ? "success" : "failure")
                .put("initiatorId", request.tenantId())
                .put("type", request.type());
        if (!success && reason != null) {
            body.put("reason", reason);
        }
        return body.toString();
    }

    /** Hex HMAC-SHA256 of body + context id + timestamp. */
    String sign(String body, String contextId, String timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of()
                    .formatHex(mac.doFinal((body + contextId + timestamp).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    /** The answer did not arrive: the request is handled again later, and answered again. */
    public static class WebhookUnavailableException extends RuntimeException {
        WebhookUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
