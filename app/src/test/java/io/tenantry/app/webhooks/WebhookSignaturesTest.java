package io.tenantry.app.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.svix.Webhook;
import io.tenantry.contracts.webhook.WebhookSecrets;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signatures as the Standard Webhooks specification has them: its published test vector, and Svix's verifier. */
class WebhookSignaturesTest {

    @Test
    void theSpecificationsTestVector() {
        // standard-webhooks spec: secret, id, timestamp and payload of its example, and the signature it gives
        String signature = WebhookSignatures.sign(
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330,
                "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));
        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void svixVerifiesEachOfTwoSignatures() throws Exception {
        String old = WebhookSecrets.generate();
        String fresh = WebhookSecrets.generate();
        byte[] body = "{\"id\":\"e-1\"}".getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        String id = WebhookSignatures.messageId("ep_1", "e-1", "io.tenantry.tenant.member-added.v1");
        assertThat(id).isEqualTo(WebhookSignatures.messageId("ep_1", "e-1", "io.tenantry.tenant.member-added.v1"));
        assertThat(id).isNotEqualTo(WebhookSignatures.messageId("ep_2", "e-1", "io.tenantry.tenant.member-added.v1"));
        Map<String, List<String>> headers = Map.of(
                "webhook-id", List.of(id),
                "webhook-timestamp", List.of(Long.toString(now)),
                "webhook-signature", List.of(WebhookSignatures.header(List.of(fresh, old), id, now, body)));
        new Webhook(fresh).verify(new String(body, StandardCharsets.UTF_8), headers);
        new Webhook(old).verify(new String(body, StandardCharsets.UTF_8), headers);
    }
}
