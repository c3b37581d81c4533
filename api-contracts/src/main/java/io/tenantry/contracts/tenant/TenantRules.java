package io.tenantry.contracts.tenant;

import java.util.regex.Pattern;

/** Shape rules for tenant fields, shared by request validation and the aggregate. */
public final class TenantRules {

    /** Lower-case letters, digits and inner hyphens, 3 to 63 characters. */
    public static final String SLUG_REGEX = "^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$";
    public static final Pattern SLUG = Pattern.compile(SLUG_REGEX);
    public static final int NAME_MAX_LENGTH = 255;

    private TenantRules() {
    }

    public static boolean isValidSlug(String slug) {
        return slug != null && SLUG.matcher(slug).matches();
    }

    public static boolean isValidName(String name) {
        return name != null && !name.isBlank() && name.length() <= NAME_MAX_LENGTH;
    }
}
