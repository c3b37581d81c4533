package io.tenantry.contracts.webhook;

import io.tenantry.contracts.DomainRefusal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The event types a webhook endpoint subscribes to, as patterns against the CloudEvent type, whose {@code io.tenantry.}
 * prefix and {@code .vN} suffix may be left out: {@code tenant.member-added} (any version), {@code
 * tenant.member-added.v1}, {@code io.tenantry.tenant.member-added.v1}, {@code tenant.*} (every type of an area),
 * {@code *} (everything).
 */
public final class WebhookEventTypes {

    public static final String TYPE_PREFIX = "io.tenantry.";
    public static final int MAX_PATTERNS = 50;
    private static final String SEGMENT = "[a-z][a-z0-9-]*";
    private static final Pattern AREA = Pattern.compile(SEGMENT + "\\.\\*");
    private static final Pattern TYPE = Pattern.compile(SEGMENT + "(\\." + SEGMENT + ")+");
    private static final Pattern VERSION = Pattern.compile("\\.v[0-9]+");

    private WebhookEventTypes() {}

    /** The patterns, trimmed, in lower case and without repeats; 400 {@code invalid_event_types} for a bad one. */
    public static List<String> valid(List<String> patterns) {
        if (patterns == null || patterns.isEmpty()) {
            throw DomainRefusal.invalid("invalid_event_types", "Name at least one event type (or * for all).");
        }
        if (patterns.size() > MAX_PATTERNS) {
            throw DomainRefusal.invalid(
                    "invalid_event_types", "At most " + MAX_PATTERNS + " event types per endpoint.");
        }
        LinkedHashSet<String> checked = new LinkedHashSet<>();
        for (String pattern : patterns) {
            String candidate = pattern == null ? "" : pattern.strip().toLowerCase(Locale.ROOT);
            String bare = bare(candidate);
            if (!(bare.equals("*")
                            || AREA.matcher(bare).matches()
                            || TYPE.matcher(bare).matches())
                    || bare.length() > 200) {
                throw DomainRefusal.invalid(
                        "invalid_event_types",
                        "\"" + pattern + "\" is no event type pattern: use *, an area such as tenant.*, or a type"
                                + " such as tenant.member-added.");
            }
            checked.add(candidate);
        }
        return List.copyOf(new ArrayList<>(checked));
    }

    /** Whether the CloudEvent {@code type} matches one of the {@code patterns}. */
    public static boolean matchesAny(List<String> patterns, String type) {
        for (String pattern : patterns) {
            if (matches(pattern, type)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the CloudEvent {@code type} matches the (valid) {@code pattern}. */
    public static boolean matches(String pattern, String type) {
        String bareType = bare(type);
        String barePattern = bare(pattern);
        if (barePattern.equals("*")) {
            return true;
        }
        if (barePattern.endsWith(".*")) {
            return bareType.startsWith(barePattern.substring(0, barePattern.length() - 1));
        }
        return bareType.equals(barePattern)
                || (bareType.startsWith(barePattern)
                        && VERSION.matcher(bareType.substring(barePattern.length()))
                                .matches());
    }

    private static String bare(String type) {
        return type.startsWith(TYPE_PREFIX) ? type.substring(TYPE_PREFIX.length()) : type;
    }
}
