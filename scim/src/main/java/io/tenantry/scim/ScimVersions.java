package io.tenantry.scim;

/**
 * SCIM's {@code meta.version} and HTTP's {@code ETag} of a resource: the tenant's version when the resource last
 * changed, as a weak entity tag {@code W/"<version>"}. {@code If-Match} takes it (weak or strong, or {@code *}).
 */
public final class ScimVersions {

    private ScimVersions() {}

    public static String etag(long version) {
        return "W/\"" + version + "\"";
    }

    /**
     * The version an {@code If-Match} header names: null for none or {@code *} (any version); 412 when it names none of
     * this service's tags (the resource cannot be at that version).
     */
    public static Long ifMatch(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        String tag = header.trim();
        if (tag.contains(",")) {
            tag = tag.substring(0, tag.indexOf(',')).trim();
        }
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            long version = Long.parseLong(tag);
            return version < 0 ? -1L : version;
        } catch (NumberFormatException e) {
            return -1L; // no resource is at this version: the precondition fails
        }
    }
}
