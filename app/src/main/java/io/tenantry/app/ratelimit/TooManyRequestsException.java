package io.tenantry.app.ratelimit;

/** A rate limit was hit; {@code retryAfterSeconds} says when the next call may succeed. */
public class TooManyRequestsException extends RuntimeException {

    private final long retryAfterSeconds;

    public TooManyRequestsException(String what, long retryAfterSeconds) {
        super("Too many " + what + " from here; retry in " + retryAfterSeconds + " s.", null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
