package io.tenantry.app.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tenantry.contracts.PageRequest;
import io.tenantry.contracts.audit.AuditQueries.PlanChangesQuery;
import io.tenantry.contracts.audit.TenantEventHistoryQuery;
import io.tenantry.contracts.invitation.InvitationQueries.ListTenantInvitationsQuery;
import io.tenantry.contracts.lead.LeadQueries.ListLeadsQuery;
import io.tenantry.contracts.lead.LeadStatus;
import io.tenantry.contracts.membership.MembershipQueries.ListMembersQuery;
import io.tenantry.contracts.membership.MembershipQueries.ListTeamMembersQuery;
import io.tenantry.contracts.membership.MembershipQueries.ListTeamsQuery;
import io.tenantry.contracts.membership.MembershipQueries.TenantsOfIdentityQuery;
import io.tenantry.contracts.subscription.SubscriptionQueries.ListInvoicesQuery;
import io.tenantry.contracts.tenant.ListTenantsQuery;
import io.tenantry.contracts.tenant.TenantStatus;
import io.tenantry.contracts.tenant.TenantTier;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A paged query's JSON has {@code offset} and {@code limit} as fields of its own, and reads back the same. */
class PagedQueryJsonTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void aPagedQueryKeepsOffsetAndLimitAsItsOwnFields() throws Exception {
        PageRequest page = new PageRequest(40, 20);
        List<Object> queries = List.of(
                new ListMembersQuery("t-1", page),
                new TenantsOfIdentityQuery("u-1", page),
                new ListTeamsQuery("t-1", page),
                new ListTeamMembersQuery("t-1", "team-1", page),
                new ListLeadsQuery(LeadStatus.VERIFIED, page),
                new ListTenantInvitationsQuery("t-1", Instant.parse("2026-01-01T00:00:00Z"), page),
                new ListInvoicesQuery("t-1", page),
                new PlanChangesQuery("t-1", page),
                new TenantEventHistoryQuery("t-1", page),
                new ListTenantsQuery(TenantStatus.ACTIVE, TenantTier.SILOED, "pro", "acme", false, "u-1", page));
        for (Object query : queries) {
            JsonNode written = json.valueToTree(query);
            assertThat(written.path("offset").asInt(-1))
                    .as(query.getClass().getSimpleName())
                    .isEqualTo(40);
            assertThat(written.path("limit").asInt(-1))
                    .as(query.getClass().getSimpleName())
                    .isEqualTo(20);
            assertThat(written.has("page")).as(query.getClass().getSimpleName()).isFalse();
            assertThat(json.readValue(json.writeValueAsString(query), query.getClass()))
                    .isEqualTo(query);
        }
    }

    @Test
    void theListOfTenantsQueryReadsAsBefore() throws Exception {
        ListTenantsQuery query = json.readValue("""
                {"status":null,"tier":"POOLED","planId":null,"text":"x","includeDeleted":true,"visibleTo":null,
                 "offset":3,"limit":7}""", ListTenantsQuery.class);
        assertThat(query)
                .isEqualTo(new ListTenantsQuery(null, TenantTier.POOLED, null, "x", true, null, new PageRequest(3, 7)));
    }
}
