package io.tenantry.contracts.subscription;

import org.axonframework.serialization.Revision;

/**
 * The tenant's resources are provisioned, so its subscription is in service. Until then (and after a failed
 * provisioning) a subscription is not active, whatever its biller says.
 */
@Revision("1")
public record SubscriptionActivatedEvent(String subscriptionId, String tenantId) {}
