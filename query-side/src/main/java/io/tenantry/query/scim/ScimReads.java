package io.tenantry.query.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenantry.scim.Scim;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** What the SCIM reads share: the service's URL, and {@code attributes}/{@code excludedAttributes}. */
final class ScimReads {

    /** What is always returned (RFC 7643 section 2.4, "returned": "always"). */
    private static final Set<String> ALWAYS = Set.of("schemas", "id", "meta");

    private ScimReads() {}

    static URI base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .path(Scim.BASE_PATH)
                .build()
                .toUri();
    }

    /**
     * The resource with only the top-level attributes asked for ({@code attributes}) or without those excluded
     * ({@code excludedAttributes}, as identity providers ask for groups without their members).
     */
    static ObjectNode projected(ObjectNode resource, String attributes, String excludedAttributes) {
        Set<String> only = names(attributes);
        Set<String> without = names(excludedAttributes);
        if (only.isEmpty() && without.isEmpty()) {
            return resource;
        }
        ObjectNode result = resource.deepCopy();
        resource.fieldNames().forEachRemaining(name -> {
            String key = name.toLowerCase(Locale.ROOT);
            if (ALWAYS.contains(name)) {
                return;
            }
            if ((!only.isEmpty() && !only.contains(key)) || without.contains(key)) {
                result.remove(name);
            }
        });
        return result;
    }

    private static Set<String> names(String list) {
        if (list == null || list.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(list.split(","))
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .map(name -> name.contains(".") ? name.substring(0, name.indexOf('.')) : name)
                .map(name -> name.contains(":") ? name.substring(name.lastIndexOf(':') + 1) : name)
                .map(name -> name.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }
}
