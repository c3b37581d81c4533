package io.tenantry.app.web;

import java.io.IOException;
import java.util.Optional;

/**
 * A request body went past {@code tenantry.http.max-body-size} while it was being read. An {@link IOException}, so
 * whatever reads the body (Jackson, a String converter) stops at once and passes it on; it ends as 413.
 */
final class BodyTooLargeException extends IOException {

    private final long limit;

    BodyTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes.");
        this.limit = limit;
    }

    long limit() {
        return limit;
    }

    /** This failure, or the first of its causes, that is a body over the limit. */
    static Optional<BodyTooLargeException> in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BodyTooLargeException tooLarge) {
                return Optional.of(tooLarge);
            }
        }
        return Optional.empty();
    }
}
