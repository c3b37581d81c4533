package io.tenantry.contracts.subscription;

/** A tenant has one subscription; its aggregate id follows from the tenant's. */
public final class SubscriptionIds {

    private static final String PREFIX = "subscription-";

    private SubscriptionIds() {}

    public static String of(String tenantId) {
        return PREFIX + tenantId;
    }
}
