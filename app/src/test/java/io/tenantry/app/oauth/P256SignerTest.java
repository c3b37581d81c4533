package io.tenantry.app.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bouncy Castle's ES256 signatures, checked by the JDK's verifier through Nimbus, as any resource server would. */
class P256SignerTest {

    @Test
    void signaturesVerifyWithTheJdkAndNotOnceAltered() throws Exception {
        Random random = new Random(7);
        for (int k = 0; k < 5; k++) {
            ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k" + k).generate();
            P256Signer signer = new P256Signer(key);
            ECDSAVerifier verifier = new ECDSAVerifier(key.toPublicJWK());
            // enough signatures that some R or S begins with zero bytes (the fixed 32-byte halves must hold them)
            for (int i = 0; i < 200; i++) {
                byte[] bytes = new byte[1 + random.nextInt(300)];
                random.nextBytes(bytes);
                JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.ES256), new Payload(bytes));
                jws.sign(signer);
                assertThat(jws.getSignature().decode()).hasSize(64);
                JWSObject parsed = JWSObject.parse(jws.serialize());
                assertThat(parsed.verify(verifier))
                        .as("signature %d of key %d", i, k)
                        .isTrue();

                String[] parts = jws.serialize().split("\\.");
                char last = parts[1].charAt(0);
                String altered = parts[0] + "." + (last == 'A' ? 'B' : 'A') + parts[1].substring(1) + "." + parts[2];
                assertThat(JWSObject.parse(altered).verify(verifier)).isFalse();
            }
        }
    }

    @Test
    void isDeterministicPerMessage() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).generate();
        P256Signer signer = new P256Signer(key);
        JWSObject a = new JWSObject(new JWSHeader(JWSAlgorithm.ES256), new Payload("same"));
        JWSObject b = new JWSObject(new JWSHeader(JWSAlgorithm.ES256), new Payload("same"));
        a.sign(signer);
        b.sign(signer);
        assertThat(a.getSignature()).isEqualTo(b.getSignature()); // RFC 6979: no random nonce to go wrong
    }
}
