package io.tenantry.app.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The development privacy secret of the embedded default ({@code <data-dir>/privacy/secret}, 32 random bytes in
 * base64). Whoever holds it and the database can read personal data; whoever loses it loses personal data.
 */
public final class DevPrivacySecret {

    public static final String DIRECTORY = "privacy";
    public static final String FILE = "secret";

    private DevPrivacySecret() {}

    /** Creates the secret unless it exists; returns its path. */
    public static synchronized Path ensure(Path dataDir) {
        Path directory = dataDir.resolve(DIRECTORY);
        Path secret = directory.resolve(FILE);
        if (Files.exists(secret)) {
            return secret;
        }
        try {
            Files.createDirectories(directory);
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            Path temporary = Files.createTempFile(directory, "secret", ".tmp");
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the user's profile directory is private enough for a development secret
            }
            Files.writeString(temporary, Base64.getEncoder().encodeToString(bytes) + "\n", StandardCharsets.US_ASCII);
            Files.move(temporary, secret, StandardCopyOption.REPLACE_EXISTING);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the development privacy secret under " + directory, e);
        }
    }
}
