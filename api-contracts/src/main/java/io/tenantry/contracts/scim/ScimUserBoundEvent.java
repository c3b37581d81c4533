package io.tenantry.contracts.scim;

import org.axonframework.serialization.Revision;

/**
 * A provisioned member was bound to the person who signed in with its address as a verified e-mail: the member
 * {@code fromUserId} (the placeholder) is {@code toUserId} (the person's subject) from now on, in the tenant and its
 * teams. When the person already was a member, the two are one: the person keeps its role and joins the
 * placeholder's teams. The SCIM id stays.
 */
@Revision("1")
public record ScimUserBoundEvent(String tenantId, String scimId, String fromUserId, String toUserId) {}
