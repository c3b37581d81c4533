package io.tenantry.contracts.lead;

/** A lead's progress: NEW until its e-mail is verified, then CONVERTED into a tenant; or EXPIRED, or LOCKED. */
public enum LeadStatus {
    NEW,
    VERIFIED,
    CONVERTED,
    EXPIRED,
    /** Too many wrong codes: the lead can no longer be verified (start over with a new lead). */
    LOCKED
}
