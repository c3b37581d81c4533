package io.tenantry.app.idp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The name of what an identity provider holds for a tenant, from the tenant's id and never its slug: a slug is freed
 * when its tenant is deleted and may be taken by the next one, whose realm must not be the old tenant's.
 * {@code tenant-<id>} in lower case, with anything but letters, digits and hyphens made a hyphen; it fits Keycloak's
 * realm names and organization aliases and Auth0's organization and connection names (at most 50 characters,
 * starting and ending with a letter or digit). An id too long for that is shortened with a hash of the whole id.
 */
final class TenantNames {

    static final int MAX_LENGTH = 50;
    private static final String PREFIX = "tenant-";

    private TenantNames() {}

    static String of(String tenantId) {
        if (tenantId == null || tenantId.isBlank()) {
            throw new IllegalArgumentException("A tenant id is needed to name its identity provider resources");
        }
        String cleaned = tenantId.trim()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9-]+", "-")
                .replaceAll("^-+|-+$", "");
        String name = PREFIX + cleaned;
        if (name.length() <= MAX_LENGTH && !cleaned.isEmpty()) {
            return name;
        }
        String hash = sha256Hex(tenantId).substring(0, 16);
        String head = cleaned.substring(0, Math.min(cleaned.length(), MAX_LENGTH - PREFIX.length() - hash.length() - 1))
                .replaceAll("-+$", "");
        return head.isEmpty() ? PREFIX + hash : PREFIX + head + "-" + hash;
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
