package io.tenantry.command.lead;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class VerificationCodesTest {

    @Test
    void makesUnguessableUrlSafeCodes() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            codes.add(VerificationCodes.newCode());
        }
        assertThat(codes).hasSize(1000).allMatch(code -> code.matches("[A-Za-z0-9_-]{22}"));
    }

    @Test
    void hashesDeterministicallyAndOneWay() {
        String code = VerificationCodes.newCode();
        assertThat(VerificationCodes.hash(code)).isEqualTo(VerificationCodes.hash(code)).doesNotContain(code).hasSize(43);
        assertThat(VerificationCodes.hash(code + "x")).isNotEqualTo(VerificationCodes.hash(code));
    }

    @Test
    void matchesOnlyTheSameHash() {
        String hash = VerificationCodes.hash(VerificationCodes.newCode());
        assertThat(VerificationCodes.sameHash(hash, new String(hash))).isTrue();
        assertThat(VerificationCodes.sameHash(hash, VerificationCodes.hash("other"))).isFalse();
        assertThat(VerificationCodes.sameHash(hash, null)).isFalse();
        assertThat(VerificationCodes.sameHash(null, hash)).isFalse();
        assertThat(VerificationCodes.sameHash(null, null)).isFalse();
    }
}
