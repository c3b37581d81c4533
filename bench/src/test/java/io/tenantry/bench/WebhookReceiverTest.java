package io.tenantry.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The receiver the webhook scenarios and bench count on: it accepts the Standard Webhooks specification's own example
 * (its secret, id, timestamp and signature), refuses a tampered body, and misbehaves as told.
 */
class WebhookReceiverTest {

    /** The example of the Standard Webhooks specification: signature of {@code id.timestamp.body} under the secret. */
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final String TIMESTAMP = "1614265330";
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private final HttpClient http = HttpClient.newHttpClient();
    private WebhookReceiver receiver;

    @AfterEach
    void close() {
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void checksSignaturesAsTheSpecificationsExampleHasThem() throws Exception {
        receiver = WebhookReceiver.start();
        receiver.secrets("whsec_" + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", SECRET);
        // the specification's example passes the signature check (then 400: its body is no CloudEvent)
        assertThat(post(ID, TIMESTAMP, "v1,bm90IGl0 " + SIGNATURE, "{\"test\": 2432232314}"))
                .isEqualTo(400);
        assertThat(receiver.badSignatures()).isZero();
        assertThat(receiver.unreadable()).isEqualTo(1);
        // the same with one character of the body changed, or another timestamp: refused
        assertThat(post(ID, TIMESTAMP, SIGNATURE, "{\"test\": 2432232315}")).isEqualTo(401);
        assertThat(post(ID, "1614265331", SIGNATURE, "{\"test\": 2432232314}")).isEqualTo(401);
        assertThat(receiver.badSignatures()).isEqualTo(2);
    }

    @Test
    void acceptsWhatItsSecretSignedAndRecordsTheWebhookIds() throws Exception {
        receiver = WebhookReceiver.start();
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        receiver.secrets(secret);
        String body = "{\"id\":\"e-1\",\"type\":\"io.tenantry.tenant.created.v1\",\"time\":\"2026-01-01T00:00:00Z\"}";
        assertThat(post("msg_1", "1700000000", sign(secret, "msg_1", "1700000000", body), body))
                .isEqualTo(204);
        assertThat(post("msg_1", "1700000060", sign(secret, "msg_1", "1700000060", body), body))
                .isEqualTo(204);
        assertThat(receiver.acceptedEvents()).containsExactly("e-1");
        assertThat(receiver.webhookIdsByEvent().get("e-1")).containsExactly("msg_1");
        assertThat(receiver.callsByWebhookId().get("msg_1").get()).isEqualTo(2);
        assertThat(receiver.typeOf("e-1")).isEqualTo("io.tenantry.tenant.created.v1");
    }

    @Test
    void failsEveryThirdCallAndGoesDownAndUpOnItsPort() throws Exception {
        receiver = WebhookReceiver.start();
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        receiver.secrets(secret);
        receiver.failEvery(3);
        String body = "{\"id\":\"e-2\",\"type\":\"t\",\"time\":\"2026-01-01T00:00:00Z\"}";
        String signature = sign(secret, "msg_2", "1", body);
        assertThat(List.of(
                        post("msg_2", "1", signature, body),
                        post("msg_2", "1", signature, body),
                        post("msg_2", "1", signature, body)))
                .containsExactly(204, 204, 500);
        receiver.down();
        try {
            post("msg_2", "1", signature, body);
            throw new AssertionError("the port answered while down");
        } catch (ConnectException expected) {
            // refused, as a receiver that is away
        }
        receiver.up();
        assertThat(post("msg_2", "1", signature, body)).isEqualTo(204);
    }

    private int post(String id, String timestamp, String signature, String body) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create(receiver.url()))
                                .header("webhook-id", id)
                                .header("webhook-timestamp", timestamp)
                                .header("webhook-signature", signature)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static String sign(String secret, String id, String timestamp, String body) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(
                java.util.Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        byte[] digest =
                mac.doFinal((id + "." + timestamp + "." + body).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return "v1," + java.util.Base64.getEncoder().encodeToString(digest);
    }
}
