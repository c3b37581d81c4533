package io.tenantry.contracts;

import java.util.Map;

/**
 * A request the domain refuses, with a stable machine-readable {@code code} (for example {@code slug_taken}).
 * The web layer maps the {@link Kind} to an HTTP status; nothing else builds error bodies.
 */
public class DomainRefusal extends RuntimeException {

    /** Prefix of the RFC 9457 problem type of a refusal: the type is this followed by the code. */
    public static final String PROBLEM_TYPE_PREFIX = "urn:tenantry:problem:";

    /** What sort of refusal this is, and the HTTP status that says it. */
    public enum Kind {
        INVALID(400, "Invalid request"),
        UNAUTHORIZED(401, "Unauthorized"),
        FORBIDDEN(403, "Forbidden"),
        NOT_FOUND(404, "Not found"),
        CONFLICT(409, "Conflict"),
        PRECONDITION_FAILED(412, "Precondition failed"),
        UNPROCESSABLE(422, "Unprocessable request");

        private final int status;
        private final String title;

        Kind(int status, String title) {
            this.status = status;
            this.title = title;
        }

        public int status() {
            return status;
        }

        public String title() {
            return title;
        }
    }

    private final Kind kind;
    private final String code;
    private final transient Map<String, Object> details;

    public DomainRefusal(Kind kind, String code, String message) {
        this(kind, code, message, Map.of());
    }

    public DomainRefusal(Kind kind, String code, String message, Map<String, Object> details) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
        this.details = Map.copyOf(details);
    }

    public static DomainRefusal invalid(String code, String message) {
        return new DomainRefusal(Kind.INVALID, code, message);
    }

    public static DomainRefusal notFound(String code, String message) {
        return new DomainRefusal(Kind.NOT_FOUND, code, message);
    }

    public static DomainRefusal conflict(String code, String message) {
        return new DomainRefusal(Kind.CONFLICT, code, message);
    }

    public static DomainRefusal forbidden(String code, String message) {
        return new DomainRefusal(Kind.FORBIDDEN, code, message);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    /** Extra, non-sensitive facts for the client (for example the limit that was reached). */
    public Map<String, Object> details() {
        return details;
    }
}
