package io.tenantry.app.oauth;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.tenantry.app.privacy.PrivacySecret;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The keys Tenantry signs tenant tokens with ({@code oauth_signing_key}), ES256 by default. The newest key not retired
 * signs; rotation retires it and makes a new one, and a retired key stays in the JWKS until every token it signed has
 * expired, then is deleted. Private keys are stored only as JWEs under a key derived from the privacy secret and kept
 * in memory; they never leave the server. Every node reads the table again every {@value #RELOAD_SECONDS} s, and at
 * once after a rotation of its own, so all sign with the new key within that time and all publish it at once.
 */
public class SigningKeys {

    static final long RELOAD_SECONDS = 30;
    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final String LOCK = "select pg_advisory_xact_lock(hashtext('tenantry-oauth-signing-keys'))";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final SecretKey wrappingKey;
    private final OAuthProperties properties;
    private final Clock clock;
    private volatile Loaded loaded;

    /** The keys as last read: the one that signs, and every one a token may still be verified with. */
    private record Loaded(JWK signing, JWKSet published, Instant at) {}

    public SigningKeys(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            PrivacySecret secret,
            OAuthProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.wrappingKey = secret.derivedKey("tenantry oauth signing keys", "AES");
        this.properties = properties;
        this.clock = clock;
    }

    /** The key that signs now (its private part included). */
    public JWK signing() {
        return current().signing();
    }

    /** The public keys a token of Tenantry's may be verified with (the JWKS). */
    public JWKSet published() {
        return current().published();
    }

    /** The public keys read again now, unless they were read within the last second (an unknown kid asks). */
    public JWKSet refreshed() {
        Loaded keys = loaded;
        if (keys != null && !keys.at().plusSeconds(1).isBefore(clock.instant())) {
            return keys.published();
        }
        return reload().published();
    }

    /** A new key signs from now on; the one before stays published until its tokens have expired. Answers its kid. */
    public String rotate() {
        String kid = transactions.execute(status -> {
            jdbc.query(LOCK, row -> {});
            Instant now = clock.instant();
            jdbc.update(
                    "update oauth_signing_key set retired_at = ?, expires_at = ? where retired_at is null",
                    Timestamp.from(now),
                    Timestamp.from(now.plus(properties.longestTokenLife()).plus(Duration.ofMinutes(1))));
            return insertNew(now);
        });
        log.info("Tenant tokens are signed with a new key, {}", kid);
        reload();
        return kid;
    }

    /** Rotates when the signing key is older than {@code tenantry.oauth.key-rotation}; answers whether it did. */
    public boolean rotateIfDue() {
        Instant now = clock.instant();
        Boolean due = transactions.execute(status -> {
            jdbc.query(LOCK, row -> {});
            List<Timestamp> created = jdbc.queryForList(
                    "select created_at from oauth_signing_key where retired_at is null", Timestamp.class);
            return !created.isEmpty()
                    && created.get(0).toInstant().plus(properties.keyRotation()).isBefore(now);
        });
        if (Boolean.TRUE.equals(due)) {
            rotate();
            return true;
        }
        return false;
    }

    private Loaded current() {
        Loaded keys = loaded;
        return keys == null || stale(keys) ? reloadIfStale() : keys;
    }

    /** One thread reads the keys again; those that waited for it take what it read. */
    private synchronized Loaded reloadIfStale() {
        Loaded keys = loaded;
        return keys == null || stale(keys) ? reload() : keys;
    }

    private boolean stale(Loaded keys) {
        return keys.at().plusSeconds(RELOAD_SECONDS).isBefore(clock.instant());
    }

    /** Reads the keys again (making the first one if there is none) and drops those whose tokens have all expired. */
    synchronized Loaded reload() {
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            jdbc.query(LOCK, row -> {});
            jdbc.update("delete from oauth_signing_key where expires_at < ?", Timestamp.from(now));
            Integer signing = jdbc.queryForObject(
                    "select count(*) from oauth_signing_key where retired_at is null", Integer.class);
            if (signing == null || signing == 0) {
                insertNew(now);
            }
        });
        List<JWK> publicKeys = jdbc.query(
                "select public_jwk from oauth_signing_key order by created_at desc",
                (row, n) -> parse(row.getString(1)));
        JWK signing = jdbc.queryForObject(
                "select private_jwk from oauth_signing_key where retired_at is null order by created_at desc limit 1",
                (row, n) -> open(row.getString(1)));
        Loaded keys = new Loaded(signing, new JWKSet(publicKeys), now);
        loaded = keys;
        return keys;
    }

    private String insertNew(Instant now) {
        String kid = UUID.randomUUID().toString();
        JWK key = generate(kid);
        jdbc.update("""
                insert into oauth_signing_key (kid, algorithm, public_jwk, private_jwk, created_at)
                values (?, ?, ?, ?, ?)""", kid, properties.algorithm(), key.toPublicJWK().toJSONString(), seal(key), Timestamp.from(now));
        return kid;
    }

    private JWK generate(String kid) {
        try {
            if ("RS256".equals(properties.algorithm())) {
                return new RSAKeyGenerator(2048)
                        .keyUse(KeyUse.SIGNATURE)
                        .algorithm(JWSAlgorithm.RS256)
                        .keyID(kid)
                        .generate();
            }
            return new ECKeyGenerator(Curve.P_256)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .keyID(kid)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate a signing key", e);
        }
    }

    private String seal(JWK key) {
        try {
            JWEObject jwe = new JWEObject(
                    new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM)
                            .keyID(key.getKeyID())
                            .build(),
                    new Payload(key.toJSONString()));
            jwe.encrypt(new DirectEncrypter(wrappingKey));
            return jwe.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not encrypt a signing key", e);
        }
    }

    private JWK open(String sealed) {
        try {
            JWEObject jwe = JWEObject.parse(sealed);
            jwe.decrypt(new DirectDecrypter(wrappingKey));
            return JWK.parse(jwe.getPayload().toString());
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException(
                    "A signing key cannot be opened: was the privacy secret changed? (" + e.getMessage() + ")", e);
        }
    }

    private static JWK parse(String json) {
        try {
            return JWK.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("A stored public key is not a JWK", e);
        }
    }
}
