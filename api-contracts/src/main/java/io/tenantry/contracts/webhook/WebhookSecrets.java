package io.tenantry.contracts.webhook;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/**
 * A webhook endpoint's signing secret as the Standard Webhooks specification has it: {@code whsec_} and the base64 of
 * {@value #BYTES} random bytes; the HMAC key is those bytes (the base64 decoded), not the text.
 */
public final class WebhookSecrets {

    public static final String PREFIX = "whsec_";
    /** How long a rotated secret keeps signing beside the new one. */
    public static final Duration PREVIOUS_SECRET_OVERLAP = Duration.ofHours(24);

    static final int BYTES = 32;
    private static final SecureRandom RANDOMNESS = new SecureRandom();

    private WebhookSecrets() {}

    /** A new secret. */
    public static String generate() {
        byte[] key = new byte[BYTES];
        RANDOMNESS.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The HMAC key of a secret: the bytes after {@code whsec_}, base64-decoded. */
    public static byte[] key(String secret) {
        String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
        return Base64.getDecoder().decode(encoded);
    }
}
