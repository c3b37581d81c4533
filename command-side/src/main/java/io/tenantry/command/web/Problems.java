package io.tenantry.command.web;

import io.tenantry.contracts.DomainRefusal;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds the RFC 9457 problems Tenantry answers with: a type URN from a stable code, a title and a detail. Every error
 * body is made here, whoever sends it (the web layer's advice, a servlet filter, one item of a bulk request).
 */
public final class Problems {

    public static final String TYPE_PREFIX = DomainRefusal.PROBLEM_TYPE_PREFIX;

    private Problems() {}

    public static ProblemDetail of(HttpStatusCode status, String code, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + code));
        problem.setTitle(title);
        problem.setProperty("code", code);
        return problem;
    }

    /** A refusal of the domain: its kind's status and title, its code and message, and its details as properties. */
    public static ProblemDetail of(DomainRefusal refusal) {
        ProblemDetail problem = of(
                HttpStatus.valueOf(refusal.kind().status()),
                refusal.code(),
                refusal.kind().title(),
                refusal.getMessage());
        refusal.details().forEach(problem::setProperty);
        return problem;
    }

    /** 400 {@code validation_failed}, with the fields that are invalid (see {@link #fieldError}). */
    public static ProblemDetail invalid(String detail, List<Map<String, String>> errors) {
        return withErrors(of(HttpStatus.BAD_REQUEST, "validation_failed", "Invalid request", detail), errors);
    }

    /** The problem, with what is wrong field by field as its {@code errors}. */
    public static ProblemDetail withErrors(ProblemDetail problem, List<Map<String, String>> errors) {
        problem.setProperty("errors", errors);
        return problem;
    }

    /** One of a problem's {@code errors}: the field, by its JSON name, and what is wrong with it. */
    public static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    /** 500 {@code internal_error}: nothing of the failure itself, only the reference it was logged under. */
    public static ProblemDetail internalError(String reference) {
        return of(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal_error",
                "Internal error",
                "An unexpected error occurred; quote reference " + reference + " when reporting it.");
    }

    /**
     * A problem that says no more than its status, for an error that reached no handler (a status the container set):
     * the status's reason phrase as its title; an unknown status is titled {@code Error} and coded as a server error.
     */
    public static ProblemDetail ofStatus(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        String reason = known != null ? known.getReasonPhrase() : "Error";
        String detail =
                status >= 500 ? "An unexpected error occurred." : "The request could not be served: " + reason + ".";
        return of(
                HttpStatusCode.valueOf(status),
                codeFor(known != null ? known : HttpStatus.INTERNAL_SERVER_ERROR),
                reason,
                detail);
    }

    /** The code of an answer that has no more particular one: the status's, in words. */
    public static String codeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "bad_request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 409 -> "conflict";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            case 429 -> "rate_limited";
            case 503 -> "service_unavailable";
            default -> status.is5xxServerError() ? "internal_error" : "client_error";
        };
    }
}
