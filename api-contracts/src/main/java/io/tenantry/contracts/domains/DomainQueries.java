package io.tenantry.contracts.domains;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tenantry.contracts.PageRequest;
import io.tenantry.contracts.tenant.MemberRole;
import java.time.Instant;
import java.util.List;

/** The domains read model's queries and what they answer. */
public final class DomainQueries {

    private DomainQueries() {}

    /** A tenant's domains, in the order of their names; answers a {@link TenantDomainList}. */
    public record ListTenantDomainsQuery(String tenantId) {}

    /** A tenant's pending requests to join, oldest first; answers a {@link JoinRequestPage}. */
    public record ListJoinRequestsQuery(
            String tenantId, @JsonUnwrapped PageRequest page) {}

    /**
     * The live tenants that take members at {@code domain} (verified there, policy SUGGEST or AUTO) and that
     * {@code userId} is not a member of; answers a {@link JoinableTenantList}.
     */
    public record JoinableTenantsQuery(String domain, String userId) {}

    public record TenantDomainList(List<TenantDomainView> items) {
        public TenantDomainList {
            items = List.copyOf(items);
        }
    }

    /** A pending request to join, as the tenant's OWNERs and ADMINs see it. */
    public record JoinRequestView(
            String tenantId,
            String requestId,
            String userId,
            String email,
            String domain,
            MemberRole role,
            JoinRequestStatus status,
            Instant requestedAt) {

        @Override
        public String toString() {
            return "JoinRequestView[tenantId=" + tenantId + ", requestId=" + requestId + ", userId=" + userId
                    + ", domain=" + domain + ", status=" + status + ", ***]";
        }
    }

    public record JoinRequestPage(List<JoinRequestView> items, long total, int offset, int limit) {
        public JoinRequestPage {
            items = List.copyOf(items);
        }
    }

    /**
     * A tenant the caller may join: by which domain, on which policy, with which role, and the caller's pending
     * request there if it has one.
     */
    public record JoinableTenant(
            String tenantId,
            String name,
            String slug,
            String domain,
            JoinPolicy joinPolicy,
            MemberRole role,
            String pendingRequestId) {}

    /** The tenants the caller may join by the domain of its verified e-mail address ({@code domain}). */
    public record JoinableTenantList(String domain, List<JoinableTenant> items) {
        public JoinableTenantList {
            items = List.copyOf(items);
        }
    }
}
