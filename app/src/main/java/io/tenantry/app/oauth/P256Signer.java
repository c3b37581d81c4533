package io.tenantry.app.oauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import java.math.BigInteger;
import java.util.Set;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;

/**
 * ES256 (ECDSA on P-256 with SHA-256) with Bouncy Castle's own P-256 arithmetic and deterministic nonces (RFC 6979):
 * the JDK 17 signer Nimbus uses by default took seven times the CPU, most of a token exchange's. The signature is JOSE's
 * {@code R || S} (RFC 7518 §3.4); any ES256 verifier checks it.
 */
final class P256Signer implements JWSSigner {

    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("P-256");
    private static final ECDomainParameters DOMAIN =
            new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());

    private final ECPrivateKeyParameters key;
    private final JCAContext jca = new JCAContext();

    P256Signer(ECKey key) throws JOSEException {
        if (!com.nimbusds.jose.jwk.Curve.P_256.equals(key.getCurve()) || !key.isPrivate()) {
            throw new JOSEException("An ES256 signer takes a private P-256 key");
        }
        this.key = new ECPrivateKeyParameters(key.getD().decodeToBigInteger(), DOMAIN);
    }

    @Override
    public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
        if (!JWSAlgorithm.ES256.equals(header.getAlgorithm())) {
            throw new JOSEException("Only ES256 here, not " + header.getAlgorithm());
        }
        SHA256Digest digest = new SHA256Digest();
        digest.update(signingInput, 0, signingInput.length);
        byte[] hash = new byte[digest.getDigestSize()];
        digest.doFinal(hash, 0);
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, key);
        BigInteger[] rs = signer.generateSignature(hash);
        byte[] signature = new byte[64];
        place(rs[0], signature, 0);
        place(rs[1], signature, 32);
        return Base64URL.encode(signature);
    }

    /** An unsigned big-endian integer in exactly 32 bytes. */
    private static void place(BigInteger value, byte[] into, int offset) {
        byte[] bytes = value.toByteArray();
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, into, offset + 32 - length, length);
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return Set.of(JWSAlgorithm.ES256);
    }

    @Override
    public JCAContext getJCAContext() {
        return jca;
    }
}
