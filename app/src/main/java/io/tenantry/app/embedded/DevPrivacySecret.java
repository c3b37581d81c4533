package io.tenantry.app.embedded;

import java.nio.file.Path;

/**
 * The development privacy secret of the embedded default ({@code <data-dir>/privacy/secret}, 32 random bytes in
 * base64). Whoever holds it and the database can read personal data; whoever loses it loses personal data.
 */
public final class DevPrivacySecret {

    public static final String DIRECTORY = "privacy";
    public static final String FILE = "secret";

    private DevPrivacySecret() {}

    /** Creates the secret unless it exists; returns its path. */
    public static Path ensure(Path dataDir) {
        return DevSecrets.ensure(dataDir.resolve(DIRECTORY), FILE, "privacy secret");
    }
}
