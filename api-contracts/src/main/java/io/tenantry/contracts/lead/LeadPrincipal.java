package io.tenantry.contracts.lead;

/**
 * The principal a lead acts as with its lead token, {@code lead:<lead id>}: the placeholder OWNER of the tenant it
 * onboards, until the user who accepts the lead's OWNER invitation takes that seat over.
 */
public final class LeadPrincipal {

    public static final String PREFIX = "lead:";

    private LeadPrincipal() {}

    public static String of(String leadId) {
        return PREFIX + leadId;
    }

    public static boolean isLead(String principal) {
        return principal != null && principal.startsWith(PREFIX);
    }
}
