package io.tenantry.contracts.tenant;

import java.util.List;

/**
 * Why provisioning or offboarding failed. The stored events keep the reason's text (for the audit); the lifecycle
 * topic carries only its stable code, {@link #code(String)}: free text stays off the topic.
 */
public final class ProvisioningFailure {

    /** The orchestrator answered the attempt with a failure. */
    public static final String ORCHESTRATOR_FAILED = "orchestrator_failed";
    /** No answer came from the orchestrator before the attempt's deadline. */
    public static final String TIMED_OUT = "timed_out";
    /** The tenant's identity provider refused or could not be reached. */
    public static final String IDENTITY_PROVIDER_FAILED = "identity_provider_failed";
    /** A reason this version does not know (recorded by another one). */
    public static final String UNKNOWN = "unknown";

    /** Every code, as the topic's schemas list them. */
    public static final List<String> CODES = List.of(ORCHESTRATOR_FAILED, TIMED_OUT, IDENTITY_PROVIDER_FAILED, UNKNOWN);

    private static final String ORCHESTRATOR_TEXT = "the orchestrator reported a failure";
    private static final String TIMEOUT_PREFIX = "no answer from the orchestrator within ";
    private static final String IDENTITY_PROVIDER_PREFIX = "identity provider: ";

    private ProvisioningFailure() {}

    /** The reason the orchestrator's failure answer records. */
    public static String orchestratorFailed() {
        return ORCHESTRATOR_TEXT;
    }

    /** The reason the orchestrator's failure answer records, with its own code for it when it gave one. */
    public static String orchestratorFailed(String orchestratorCode) {
        return orchestratorCode == null ? ORCHESTRATOR_TEXT : ORCHESTRATOR_TEXT + ": " + orchestratorCode;
    }

    /** The reason a deadline records. */
    public static String timedOut(java.time.Duration after) {
        return TIMEOUT_PREFIX + after;
    }

    /** The reason an identity provider's refusal or outage records, with its message. */
    public static String identityProviderFailed(String message) {
        return IDENTITY_PROVIDER_PREFIX + message;
    }

    /** The stable code of a recorded reason. */
    public static String code(String reason) {
        if (reason == null) {
            return UNKNOWN;
        }
        if (reason.equals(ORCHESTRATOR_TEXT) || reason.startsWith(ORCHESTRATOR_TEXT + ": ")) {
            return ORCHESTRATOR_FAILED;
        }
        if (reason.startsWith(TIMEOUT_PREFIX)) {
            return TIMED_OUT;
        }
        return reason.startsWith(IDENTITY_PROVIDER_PREFIX) ? IDENTITY_PROVIDER_FAILED : UNKNOWN;
    }
}
