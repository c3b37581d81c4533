package io.tenantry.command.provisioning;

import io.tenantry.contracts.DomainRefusal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The orchestrator's signature: {@code x-signature} is the hex HMAC-SHA256, keyed by
 * {@code tenantry.provisioning.webhook-secret}, of the raw body followed by the attempt's context id and the
 * {@code x-timestamp} header. Compared in constant time. Without a secret nothing is believed.
 */
@Component
public class ProvisioningSignatures {

    private final byte[] secret;

    public ProvisioningSignatures(@Value("${tenantry.provisioning.webhook-secret:}") String secret) {
        this.secret = secret == null || secret.isBlank() ? null : secret.getBytes(StandardCharsets.UTF_8);
    }

    public boolean configured() {
        return secret != null;
    }

    /** The signature of {@code payload + contextId + timestamp}, as hex. */
    public String sign(String payload, String contextId, String timestamp) {
        if (secret == null) {
            throw new IllegalStateException("tenantry.provisioning.webhook-secret is not set");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of()
                    .formatHex(mac.doFinal((payload + contextId + timestamp).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /**
     * Refuses (401) unless {@code signature} is that of the payload for attempt {@code contextId}; no attempt to sign
     * for ({@code contextId} null) never matches. The refusal says nothing about the tenant's state.
     */
    public void require(String payload, String contextId, String timestamp, String signature) {
        if (secret == null
                || contextId == null
                || signature == null
                || !MessageDigest.isEqual(
                        sign(payload, contextId, timestamp).getBytes(StandardCharsets.US_ASCII),
                        signature.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            throw invalid();
        }
    }

    static DomainRefusal invalid() {
        return new DomainRefusal(
                DomainRefusal.Kind.UNAUTHORIZED,
                "invalid_signature",
                "The x-signature does not match this request for the tenant's provisioning attempt.");
    }
}
