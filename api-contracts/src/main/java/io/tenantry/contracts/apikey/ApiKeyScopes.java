package io.tenantry.contracts.apikey;

import io.tenantry.contracts.DomainRefusal;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** What a tenant API key may be allowed to do: each scope opens a set of endpoints of its own tenant. */
public final class ApiKeyScopes {

    public static final String MEMBERS_READ = "members:read";
    public static final String MEMBERS_WRITE = "members:write";
    public static final String ENTITLEMENTS_READ = "entitlements:read";
    public static final String USAGE_READ = "usage:read";
    public static final String USAGE_WRITE = "usage:write";
    public static final String SCIM = "scim";
    public static final String AUDIT_READ = "audit:read";

    /** Every scope, with what it opens. */
    public static final Map<String, String> ALL = all();

    private ApiKeyScopes() {}

    /**
     * The scopes asked for, sorted and without repeats; 400 {@code invalid_scope} for none or an unknown one, naming
     * the scopes there are.
     */
    public static List<String> known(Collection<String> requested) {
        if (requested == null || requested.isEmpty()) {
            throw DomainRefusal.invalid(
                    "invalid_scope", "A key needs at least one scope; the scopes are " + ALL.keySet() + ".");
        }
        TreeSet<String> scopes = new TreeSet<>();
        for (String scope : requested) {
            if (scope == null || !ALL.containsKey(scope)) {
                throw DomainRefusal.invalid(
                        "invalid_scope", "Unknown scope '" + scope + "'; the scopes are " + ALL.keySet() + ".");
            }
            scopes.add(scope);
        }
        return List.copyOf(scopes);
    }

    private static Map<String, String> all() {
        Map<String, String> all = new LinkedHashMap<>();
        all.put(MEMBERS_READ, "read the tenant, its members, teams and invitations");
        all.put(MEMBERS_WRITE, "add, change and remove members, teams and invitations");
        all.put(ENTITLEMENTS_READ, "read the tenant's entitlements and check one");
        all.put(USAGE_READ, "read the tenant's usage");
        all.put(USAGE_WRITE, "report usage records");
        all.put(SCIM, "provision users and groups through SCIM 2.0 (/scim/v2)");
        all.put(AUDIT_READ, "read and export the tenant's audit log (a SIEM pulling it)");
        return Collections.unmodifiableMap(all);
    }
}
