package io.tenantry.contracts.lead;

/** A lead's postal address (personal data: a lead is a person). Every line optional. */
public record LeadAddress(String line1, String line2, String city, String region, String postalCode, String country) {

    @Override
    public String toString() {
        return "LeadAddress[***]";
    }
}
