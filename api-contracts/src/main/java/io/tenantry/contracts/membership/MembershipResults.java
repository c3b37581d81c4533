package io.tenantry.contracts.membership;

import io.tenantry.contracts.tenant.MemberRole;
import io.tenantry.contracts.tenant.MemberView;
import io.tenantry.contracts.tenant.TeamMemberView;
import io.tenantry.contracts.tenant.TeamView;
import io.tenantry.contracts.tenant.TenantStatus;
import java.util.List;

/** What the membership queries answer. */
public final class MembershipResults {

    private MembershipResults() {}

    /** The tenant's status and the asker's role in it ({@code null} when not a member). */
    public record TenantAccess(String tenantId, TenantStatus status, MemberRole role) {}

    public record MemberPage(List<MemberView> items, long total, int offset, int limit) {
        public MemberPage {
            items = List.copyOf(items);
        }
    }

    /** A tenant a user belongs to, with the user's role in it. */
    public record UserTenant(String tenantId, String name, String slug, TenantStatus status, MemberRole role) {}

    public record UserTenantPage(List<UserTenant> items, long total, int offset, int limit) {
        public UserTenantPage {
            items = List.copyOf(items);
        }
    }

    public record TeamPage(List<TeamView> items, long total, int offset, int limit) {
        public TeamPage {
            items = List.copyOf(items);
        }
    }

    public record TeamMemberPage(List<TeamMemberView> items, long total, int offset, int limit) {
        public TeamMemberPage {
            items = List.copyOf(items);
        }
    }
}
