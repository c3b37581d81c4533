package io.tenantry.app.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The development RSA key pair of the embedded default, kept under {@code <data-dir>/jwt}: the app verifies tokens
 * with {@code public.pem}, the {@code token} command signs them with {@code private.pem}. Never used when a real key
 * ({@code public-key-location}, {@code jwk-set-uri} or {@code issuer-uri}) is configured.
 */
public final class DevJwtKeys {

    public static final String DIRECTORY = "jwt";
    public static final String PUBLIC_KEY = "public.pem";
    public static final String PRIVATE_KEY = "private.pem";

    private DevJwtKeys() {}

    /** Where the pair lives for a data directory. */
    public static Path directory(Path dataDir) {
        return dataDir.resolve(DIRECTORY);
    }

    /** Creates the pair unless it exists; returns the public key's path. */
    public static synchronized Path ensure(Path dataDir) {
        Path directory = directory(dataDir);
        Path publicKey = directory.resolve(PUBLIC_KEY);
        Path privateKey = directory.resolve(PRIVATE_KEY);
        if (Files.exists(publicKey) && Files.exists(privateKey)) {
            return publicKey;
        }
        try {
            Files.createDirectories(directory);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Path privateTemp = Files.createTempFile(directory, "private", ".tmp");
            restrictToOwner(privateTemp);
            Files.writeString(
                    privateTemp, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            Files.move(privateTemp, privateKey, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
            return publicKey;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the development JWT keys under " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM cannot generate RSA keys", e);
        }
    }

    /** The private key, for signing development tokens. */
    public static RSAPrivateKey readPrivateKey(Path dataDir) throws IOException {
        Path file = directory(dataDir).resolve(PRIVATE_KEY);
        String pem = Files.readString(file, StandardCharsets.US_ASCII)
                .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(file + " is not a PKCS#8 RSA private key", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the user's profile directory is private enough for a development key
        }
    }
}
