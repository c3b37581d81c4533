package io.tenantry.app.ops;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Every problem {@code code} the API answers, by HTTP status: what clients may branch on, and what the OpenAPI
 * document lists under each error response. {@code ProblemCodesTest} finds every code the sources give a problem and
 * fails when one is missing here.
 */
final class ProblemCodes {

    static final Map<Integer, List<String>> BY_STATUS = Map.ofEntries(
            Map.entry(400, codes("""
                    bad_request challenge_required duplicate_contact email_required invalid_api_key_name
                    invalid_callback invalid_client_name invalid_contact invalid_cursor invalid_domain invalid_email invalid_expiry
                    invalid_filter invalid_idempotency_key invalid_identity_account invalid_industry invalid_invitation
                    invalid_join_policy invalid_join_request invalid_method invalid_override invalid_path
                    invalid_preview_instant invalid_range invalid_role invalid_scope invalid_signature invalid_slug
                    invalid_subscription invalid_syntax invalid_team_description invalid_team_name invalid_tenant_name
                    invalid_tier invalid_value invalid_verification_code malformed_body malformed_event mutability
                    no_target owner_required reason_required several_primary_contacts too_many_contacts
                    too_many_settings unknown_identity_provider unknown_plan user_id_required validation_failed
                    verification_code_required invalid_description invalid_event_types invalid_replay
                    invalid_delivery_status
                    """)),
            Map.entry(401, codes("""
                    invalid_api_key invalid_signature unauthenticated
                    """)),
            Map.entry(403, codes("""
                    api_key_required caller_required email_not_verified forbidden impersonated impersonation_forbidden
                    insufficient_role insufficient_scope invalid_invitation_token invitation_email_mismatch
                    join_not_allowed member_suspended not_a_member wrong_tenant
                    """)),
            Map.entry(404, codes("""
                    api_key_not_found domain_not_found invitation_not_found join_request_not_found lead_not_found
                    member_not_found not_found not_yet_created override_not_found projection_not_found
                    scim_group_not_found scim_user_not_found subscription_not_found team_member_not_found team_not_found
                    tenant_not_found unknown_data_subject unknown_entitlement webhook_not_found delivery_not_found
                    """)),
            Map.entry(405, codes("""
                    method_not_allowed
                    """)),
            Map.entry(406, codes("""
                    not_acceptable
                    """)),
            Map.entry(409, codes("""
                    already_member already_team_member api_key_exists concurrent_modification conflict currency_mismatch
                    deprovisioning_in_progress deprovisioning_not_in_progress domain_changed domain_exists
                    domain_limit_reached domain_taken idempotency_key_in_progress idp_admin_missing idp_not_configured
                    invalid_status_transition invitation_exists invitation_expired invitation_pending last_owner
                    lead_already_converted lead_expired lead_locked lead_not_verified limit_exceeded not_a_member
                    not_rebuildable plan_limit_reached plan_too_small provisioning_not_in_progress quota_exceeded
                    slug_taken stripe_refused subscription_canceled subscription_not_ready team_name_taken
                    tenant_not_active tenant_not_deleted tier_immutable transfer_to_self user_name_taken
                    verification_code_expired webhook_exists webhook_limit_reached
                    """)),
            Map.entry(412, codes("""
                    version_mismatch
                    """)),
            Map.entry(413, codes("""
                    payload_too_large
                    """)),
            Map.entry(415, codes("""
                    unsupported_media_type
                    """)),
            Map.entry(422, codes("""
                    domain_not_verified idempotency_key_reused mail_unavailable public_email_domain unknown_tenant
                    invalid_webhook_url
                    """)),
            Map.entry(429, codes("""
                    rate_limited
                    """)),
            Map.entry(500, codes("""
                    internal_error
                    """)),
            Map.entry(503, codes("""
                    billing_unavailable idp_unavailable provisioning_unavailable service_unavailable
                    """)));

    private ProblemCodes() {}

    private static List<String> codes(String words) {
        return Arrays.stream(words.trim().split("\\s+")).sorted().toList();
    }
}
