package io.tenantry.app.privacy;

import io.tenantry.contracts.privacy.Erasure;
import io.tenantry.contracts.privacy.SubjectFingerprints;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;

/** HMAC-SHA256 of the normalised address under a key derived from the privacy secret, base64url (43 characters). */
final class HmacSubjectFingerprints implements SubjectFingerprints {

    private final PrivacySecret secret;

    HmacSubjectFingerprints(PrivacySecret secret) {
        this.secret = secret;
    }

    @Override
    public String of(String email) {
        if (email == null || email.isBlank()) {
            throw new IllegalArgumentException("a data subject needs an e-mail address");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret.fingerprintKey());
            byte[] digest = mac.doFinal(Erasure.normaliseEmail(email).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
