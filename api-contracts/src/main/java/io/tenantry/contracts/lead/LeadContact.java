package io.tenantry.contracts.lead;

/** Who a lead is, as its tenant's first contact. */
public record LeadContact(String name, String email, String companyName) {

    @Override
    public String toString() {
        return "LeadContact[***]";
    }
}
