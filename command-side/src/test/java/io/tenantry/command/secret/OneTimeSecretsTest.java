package io.tenantry.command.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OneTimeSecretsTest {

    @Test
    void makesUnguessableUrlSafeCodes() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            codes.add(OneTimeSecrets.newSecret());
        }
        assertThat(codes).hasSize(1000).allMatch(code -> code.matches("[A-Za-z0-9_-]{22}"));
    }

    @Test
    void hashesDeterministicallyAndOneWay() {
        String code = OneTimeSecrets.newSecret();
        assertThat(OneTimeSecrets.hash(code))
                .isEqualTo(OneTimeSecrets.hash(code))
                .doesNotContain(code)
                .hasSize(43);
        assertThat(OneTimeSecrets.hash(code + "x")).isNotEqualTo(OneTimeSecrets.hash(code));
    }

    @Test
    void matchesOnlyTheSameHash() {
        String hash = OneTimeSecrets.hash(OneTimeSecrets.newSecret());
        assertThat(OneTimeSecrets.sameHash(hash, new String(hash))).isTrue();
        assertThat(OneTimeSecrets.sameHash(hash, OneTimeSecrets.hash("other"))).isFalse();
        assertThat(OneTimeSecrets.sameHash(hash, null)).isFalse();
        assertThat(OneTimeSecrets.sameHash(null, hash)).isFalse();
        assertThat(OneTimeSecrets.sameHash(null, null)).isFalse();
    }
}
