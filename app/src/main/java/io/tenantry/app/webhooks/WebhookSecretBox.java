package io.tenantry.app.webhooks;

import io.tenantry.app.privacy.Aead;
import io.tenantry.app.privacy.PrivacySecret;
import java.nio.charset.StandardCharsets;
import javax.crypto.SecretKey;

/**
 * Seals webhook signing secrets at rest: AES-GCM under a key derived from the privacy secret, the endpoint's id as
 * associated data (a sealed secret copied to another endpoint opens nowhere).
 */
final class WebhookSecretBox {

    private final SecretKey key;

    WebhookSecretBox(PrivacySecret secret) {
        this.key = secret.derivedKey("tenantry webhook signing secrets v1", "AES");
    }

    byte[] seal(String endpointId, String secret) {
        return Aead.seal(key, secret.getBytes(StandardCharsets.UTF_8), aad(endpointId));
    }

    String open(String endpointId, byte[] sealed) {
        return new String(Aead.open(key, sealed, aad(endpointId)), StandardCharsets.UTF_8);
    }

    private static byte[] aad(String endpointId) {
        return ("webhook-endpoint:" + endpointId).getBytes(StandardCharsets.UTF_8);
    }
}
