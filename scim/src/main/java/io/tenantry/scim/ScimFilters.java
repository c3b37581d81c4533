package io.tenantry.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.utils.FilterEvaluator;
import com.unboundid.scim2.common.utils.Parser;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A list's {@code filter} (RFC 7644 section 3.4.2.2), parsed and evaluated by the SCIM SDK, on the attributes the
 * service declares filterable: each resource type's own. Any operator the RFC defines, with {@code and}, {@code or},
 * {@code not} and grouping. A filter that does not parse, or names another attribute, is 400 {@code invalidFilter}.
 * Strings compare as the attribute's schema says: {@code userName}, {@code displayName} and e-mail addresses
 * regardless of case, {@code id} and {@code externalId} exactly.
 */
public final class ScimFilters {

    /** What Users are filtered on. */
    public static final Set<String> USER_ATTRIBUTES = Set.of(
            "id",
            "userName",
            "externalId",
            "displayName",
            "active",
            "emails.value",
            "emails",
            "name.givenName",
            "name.familyName");

    /** What Groups are filtered on. */
    public static final Set<String> GROUP_ATTRIBUTES = Set.of("id", "displayName", "members.value", "members");

    private static final Set<String> CASE_EXACT = Set.of("id", "externalid", "members.value", "members");

    private static final FilterEvaluator EVALUATOR = new FilterEvaluator() {
        @Override
        protected AttributeDefinition getAttributeDefinition(Path path) {
            String name = normalised(path);
            return new AttributeDefinition.Builder()
                    .setName(name)
                    .setType(AttributeDefinition.Type.STRING)
                    .setCaseExact(CASE_EXACT.contains(name))
                    .build();
        }
    };

    private ScimFilters() {}

    /** The filter, checked to name only {@code allowed} attributes; null for none given. */
    public static Filter parse(String filter, Set<String> allowed) {
        if (filter == null || filter.isBlank()) {
            return null;
        }
        if (filter.length() > 2000) {
            throw ScimErrors.invalidFilter("The filter is too long.");
        }
        Filter parsed;
        try {
            parsed = Parser.parseFilter(filter);
        } catch (BadRequestException e) {
            throw ScimErrors.invalidFilter("The filter does not parse: " + e.getMessage());
        } catch (RuntimeException e) {
            throw ScimErrors.invalidFilter("The filter does not parse.");
        }
        Set<String> lower =
                allowed.stream().map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        check(parsed, null, lower, allowed);
        return parsed;
    }

    /** Whether the resource (its SCIM JSON) matches; every resource when there is no filter. */
    public static boolean matches(Filter filter, JsonNode resource) {
        if (filter == null) {
            return true;
        }
        try {
            return filter.visit(EVALUATOR, resource);
        } catch (ScimException e) {
            throw ScimErrors.invalidFilter("The filter cannot be evaluated: " + e.getMessage());
        }
    }

    /**
     * The value of a filter that is exactly {@code attribute eq "value"} (the lookup identity providers make before
     * they create), or null.
     */
    public static String equalityOn(Filter filter, String attribute) {
        if (filter != null
                && filter.isComparisonFilter()
                && filter.getFilterType() == com.unboundid.scim2.common.filters.FilterType.EQUAL
                && normalised(filter.getAttributePath()).equals(attribute.toLowerCase(Locale.ROOT))
                && filter.getComparisonValue() != null
                && filter.getComparisonValue().isTextual()) {
            return filter.getComparisonValue().asText();
        }
        return null;
    }

    private static void check(Filter filter, String parent, Set<String> lower, Set<String> allowed) {
        if (filter.isCombiningFilter()) {
            filter.getCombinedFilters().forEach(each -> check(each, parent, lower, allowed));
        } else if (filter.isNotFilter()) {
            check(filter.getInvertedFilter(), parent, lower, allowed);
        } else if (filter.isComplexValueFilter()) {
            String name = normalised(filter.getAttributePath());
            require(name, lower, allowed);
            check(filter.getValueFilter(), name, lower, allowed);
        } else {
            String name = normalised(filter.getAttributePath());
            require(parent == null ? name : parent + "." + name, lower, allowed);
        }
    }

    private static void require(String name, Set<String> lower, Set<String> allowed) {
        if (!lower.contains(name)) {
            throw ScimErrors.invalidFilter("Filters here name "
                    + String.join(", ", allowed.stream().sorted().toList()) + "; not " + name + ".");
        }
    }

    /** The attribute path in lower case, without the core schema's URN. */
    private static String normalised(Path path) {
        String text = path.toString();
        int colon = text.lastIndexOf(':');
        if (text.toLowerCase(Locale.ROOT).startsWith("urn:") && colon >= 0) {
            text = text.substring(colon + 1);
        }
        return text.toLowerCase(Locale.ROOT);
    }

    static Map<String, Set<String>> declared() {
        return Map.of(ScimUsers.RESOURCE_TYPE, USER_ATTRIBUTES, ScimGroups.RESOURCE_TYPE, GROUP_ATTRIBUTES);
    }
}
