package io.tenantry.contracts.lead;

import java.time.Instant;

/** A lead as the leads read model knows it (partner-admin only). */
public record LeadView(
        String id,
        String name,
        String email,
        String companyName,
        LeadAddress address,
        LeadStatus status,
        String tenantId,
        Instant createdAt,
        Instant verifiedAt,
        Instant convertedAt,
        Instant updatedAt) {

    @Override
    public String toString() {
        return "LeadView[id=" + id + ", status=" + status + ", ***]";
    }
}
