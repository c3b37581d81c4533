package io.tenantry.app.usage;

import java.util.List;

/** The bodies and the answer of usage ingest. */
final class UsageRequests {

    private UsageRequests() {}

    /** {@code POST /api/tenants/{tenantId}/usage}: 1 to 1,000 records of that tenant. */
    record TenantRecords(List<TenantRecord> records) {}

    /**
     * One record: the client's {@code id} (unique per tenant, up to 128 characters), the entitlement {@code key}, a
     * positive {@code quantity}, and when it happened ({@code timestamp}, an ISO-8601 instant).
     */
    record TenantRecord(String id, String key, Long quantity, String timestamp) {}

    /** {@code POST /api/usage}: 1 to 1,000 records, each naming its tenant. */
    record Records(List<Record> records) {}

    /** One record of {@link Records}: a {@link TenantRecord} with its {@code tenantId}. */
    record Record(String tenantId, String id, String key, Long quantity, String timestamp) {}

    /**
     * The answer: how many records came, how many were counted now, and how many had been counted before (an id
     * already recorded, or given twice in the batch).
     */
    record Accepted(int records, int accepted, int duplicates) {}
}
