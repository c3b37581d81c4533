package io.tenantry.contracts.domains;

/** What a person with a verified e-mail address at a verified domain of a tenant may do: nothing (OFF), ask to join, for an OWNER or ADMIN to approve (SUGGEST), or join at once with the domain's default role (AUTO). */
public enum JoinPolicy {
    OFF,
    SUGGEST,
    AUTO
}
