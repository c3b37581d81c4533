package io.tenantry.contracts.lead;

/**
 * What a verification attempt came to. A failure is an answer, not an exception, so that the failed attempt (and a
 * lock) is recorded even though the request fails.
 */
public record VerificationOutcome(Result result, int attemptsLeft) {

    /** The outcome of one attempt. */
    public enum Result {
        VERIFIED,
        WRONG_CODE,
        CODE_EXPIRED,
        LOCKED
    }

    public boolean verified() {
        return result == Result.VERIFIED;
    }
}
