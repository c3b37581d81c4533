package io.tenantry.app.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.contracts.privacy.SubjectFingerprints;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;

class PrivacySecretTest {

    private static final String SECRET = Base64.getEncoder().encodeToString(new byte[] {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30,
        31, 32
    });

    @Test
    void refusesNoSecretAShortOneOrNonBase64() {
        assertThatThrownBy(() -> PrivacySecret.from(properties(null))).hasMessageContaining("No privacy secret");
        assertThatThrownBy(
                        () -> PrivacySecret.from(properties(Base64.getEncoder().encodeToString(new byte[16]))))
                .hasMessageContaining("at least 32");
        assertThatThrownBy(() -> PrivacySecret.from(properties("not base64!"))).hasMessageContaining("not base64");
    }

    @Test
    void readsTheSecretFromAFile() {
        PrivacyProperties fromFile = new PrivacyProperties(
                null, new ByteArrayResource((SECRET + "\n").getBytes()), Duration.ofSeconds(1), 10);

        assertThat(new HmacSubjectFingerprints(PrivacySecret.from(fromFile)).of("a@b.example"))
                .isEqualTo(new HmacSubjectFingerprints(PrivacySecret.from(properties(SECRET))).of("a@b.example"));
    }

    @Test
    void fingerprintsTheNormalisedAddressUnderTheSecret() {
        SubjectFingerprints fingerprints = new HmacSubjectFingerprints(PrivacySecret.from(properties(SECRET)));
        String other = Base64.getEncoder().encodeToString(new byte[32]);

        String fingerprint = fingerprints.of("Jane.Doe@Example.com ");
        assertThat(fingerprint)
                .isEqualTo(fingerprints.of("jane.doe@example.com"))
                .hasSize(43)
                .doesNotContainIgnoringCase("jane");
        assertThat(fingerprints.of("john@example.com")).isNotEqualTo(fingerprint);
        assertThat(new HmacSubjectFingerprints(PrivacySecret.from(properties(other))).of("jane.doe@example.com"))
                .as("another secret, another fingerprint")
                .isNotEqualTo(fingerprint);
    }

    private static PrivacyProperties properties(String secret) {
        return new PrivacyProperties(secret, null, Duration.ofSeconds(1), 10);
    }
}
