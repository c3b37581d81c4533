package io.tenantry.contracts.scim;

import java.util.List;

/** The SCIM reads, as queries on the SCIM read model; each answers one of the lists below or an {@code Optional}. */
public final class ScimQueries {

    private ScimQueries() {}

    /**
     * A tenant's SCIM users, oldest first; with {@code userName}, only the one with that address (regardless of case):
     * the lookup identity providers make before they create. Answers a {@link ScimUsers}.
     */
    public record ListScimUsersQuery(String tenantId, String userName) {
        @Override
        public String toString() {
            return "ListScimUsersQuery[tenantId=" + tenantId + (userName == null ? "" : ", userName=***") + "]";
        }
    }

    /** One SCIM user; answers an empty {@code Optional<ScimUserView>} when the tenant has none by that id. */
    public record FindScimUserQuery(String tenantId, String scimId) {}

    /** A tenant's teams as SCIM groups, by name. Answers a {@link ScimGroups}. */
    public record ListScimGroupsQuery(String tenantId) {}

    /** One team as a SCIM group; answers an empty {@code Optional<ScimGroupView>} when unknown. */
    public record FindScimGroupQuery(String tenantId, String groupId) {}

    public record ScimUsers(List<ScimUserView> users) {
        public ScimUsers {
            users = List.copyOf(users);
        }
    }

    public record ScimGroups(List<ScimGroupView> groups) {
        public ScimGroups {
            groups = List.copyOf(groups);
        }
    }
}
