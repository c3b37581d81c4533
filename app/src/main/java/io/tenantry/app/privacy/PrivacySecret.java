package io.tenantry.app.privacy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The root secret of personal-data protection and the keys derived from it (HKDF-SHA256): one keys the subject
 * fingerprints, one wraps the subjects' keys in the database, one signs lead tokens. A database dump without this
 * secret decrypts nothing;
 * losing the secret loses every person's data, as an erasure of everyone would.
 */
public final class PrivacySecret {

    static final int MINIMUM_BYTES = 32;
    private static final String HMAC = "HmacSHA256";

    private final byte[] root;
    private final SecretKey fingerprintKey;
    private final SecretKey wrappingKey;

    private PrivacySecret(byte[] root) {
        this.root = root.clone();
        this.fingerprintKey = new SecretKeySpec(hkdf(root, "tenantry subject fingerprint v1"), HMAC);
        this.wrappingKey = new SecretKeySpec(hkdf(root, "tenantry subject key wrapping v1"), "AES");
        Arrays.fill(root, (byte) 0);
    }

    static PrivacySecret from(PrivacyProperties properties) {
        String encoded = properties.secret();
        if ((encoded == null || encoded.isBlank()) && properties.secretLocation() != null) {
            try (InputStream in = properties.secretLocation().getInputStream()) {
                encoded = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the privacy secret from " + properties.secretLocation(), e);
            }
        }
        if (encoded == null || encoded.isBlank()) {
            throw new IllegalStateException("No privacy secret: set tenantry.privacy.secret (base64, at least "
                    + MINIMUM_BYTES + " random bytes) or tenantry.privacy.secret-location");
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(encoded.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The privacy secret is not base64", e);
        }
        if (root.length < MINIMUM_BYTES) {
            throw new IllegalStateException("The privacy secret has " + root.length + " bytes; it needs at least "
                    + MINIMUM_BYTES + " (e.g. openssl rand -base64 32)");
        }
        return new PrivacySecret(root);
    }

    /** A further key for another purpose, kept apart from the others by its HKDF {@code info}. */
    public SecretKey derivedKey(String info, String algorithm) {
        return new SecretKeySpec(hkdf(root, info), algorithm);
    }

    SecretKey fingerprintKey() {
        return fingerprintKey;
    }

    SecretKey wrappingKey() {
        return wrappingKey;
    }

    /** RFC 5869 with an all-zero salt and one output block: 32 bytes. */
    private static byte[] hkdf(byte[] inputKeyMaterial, String info) {
        try {
            Mac extract = Mac.getInstance(HMAC);
            extract.init(new SecretKeySpec(new byte[32], HMAC));
            byte[] pseudoRandomKey = extract.doFinal(inputKeyMaterial);
            Mac expand = Mac.getInstance(HMAC);
            expand.init(new SecretKeySpec(pseudoRandomKey, HMAC));
            expand.update(info.getBytes(StandardCharsets.UTF_8));
            expand.update((byte) 1);
            return expand.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
