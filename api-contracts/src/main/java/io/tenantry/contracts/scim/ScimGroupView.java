package io.tenantry.contracts.scim;

import java.time.Instant;
import java.util.List;

/**
 * A team as a SCIM group: its id is the team's, its {@code displayName} the team's name, its members the SCIM users
 * in the team (members who joined the tenant otherwise are in the team but not SCIM's to list), and its
 * {@code version} the tenant's version when the team or its membership last changed.
 */
public record ScimGroupView(
        String tenantId,
        String groupId,
        String displayName,
        List<Member> members,
        Instant created,
        Instant lastModified,
        long version) {

    public ScimGroupView {
        members = List.copyOf(members);
    }

    /** A SCIM user in the group: its SCIM id and its {@code userName} (personal data, kept out of toString). */
    public record Member(String scimId, String userName) {
        @Override
        public String toString() {
            return "Member[scimId=" + scimId + ", ***]";
        }
    }
}
