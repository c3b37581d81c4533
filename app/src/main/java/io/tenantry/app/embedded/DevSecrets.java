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

/** The development secrets of the embedded default: 32 random bytes in base64, in a file only its owner reads. */
final class DevSecrets {

    private DevSecrets() {}

    /** Creates {@code directory/file} with a new secret unless it exists; returns its path. */
    static synchronized Path ensure(Path directory, String file, String what) {
        Path secret = directory.resolve(file);
        if (Files.exists(secret)) {
            return secret;
        }
        try {
            Files.createDirectories(directory);
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            Path temporary = Files.createTempFile(directory, file, ".tmp");
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the user's profile directory is private enough for a development secret
            }
            Files.writeString(temporary, Base64.getEncoder().encodeToString(bytes) + "\n", StandardCharsets.US_ASCII);
            Files.move(temporary, secret, StandardCopyOption.REPLACE_EXISTING);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the development " + what + " under " + directory, e);
        }
    }

    /** The secret in a file {@link #ensure} wrote. */
    static String read(Path secret) {
        try {
            return Files.readString(secret, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + secret, e);
        }
    }
}
