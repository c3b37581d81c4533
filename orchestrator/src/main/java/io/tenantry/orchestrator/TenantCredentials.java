package io.tenantry.orchestrator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The passwords of the login roles the orchestrator creates, derived from its secret and the role's name (HMAC-SHA256)
 * rather than stored: whoever holds the secret can hand a tenant's service its credentials again, and nothing in a
 * database backup reveals them.
 */
public final class TenantCredentials {

    private final byte[] secret;

    public TenantCredentials(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("The orchestrator's credentials secret is empty");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The password of a role: 43 characters of base64url, safe to write into SQL as a literal. */
    public String passwordOf(String role) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal(("role:" + role).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
