package io.tenantry.contracts.tenant;

/** A tenant's (business) postal address. Every line is optional. */
public record TenantAddress(
        String line1, String line2, String city, String region, String postalCode, String country) {}
