package io.tenantry.contracts.tenant;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Shape rules for tenant fields, shared by request validation and the aggregate. */
public final class TenantRules {

    /** Lower-case letters, digits and inner hyphens, 3 to 63 characters. */
    public static final String SLUG_REGEX = "^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$";

    public static final Pattern SLUG = Pattern.compile(SLUG_REGEX);
    public static final int NAME_MAX_LENGTH = 255;
    public static final int SLUG_MAX_LENGTH = 63;
    public static final int INDUSTRY_MAX_LENGTH = 255;
    public static final int SETTINGS_MAX_ENTRIES = 100;

    private TenantRules() {}

    public static boolean isValidSlug(String slug) {
        return slug != null && SLUG.matcher(slug).matches();
    }

    public static boolean isValidName(String name) {
        return name != null && !name.isBlank() && name.length() <= NAME_MAX_LENGTH;
    }

    /**
     * The slug a name gives: accents dropped, lower case, every run of other characters one hyphen,
     * hyphens trimmed from the ends, at most 63 characters. The result may still be too short to be a valid slug.
     */
    public static String slugOf(String name) {
        String ascii = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > SLUG_MAX_LENGTH) {
            slug = slug.substring(0, SLUG_MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug;
    }
}
