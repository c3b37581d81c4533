package io.tenantry.command.web;

import io.tenantry.contracts.DomainRefusal;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.net.URI;

/** Builds the RFC 9457 problems Tenantry answers with: a type URN from a stable code, a title and a detail. */
public final class Problems {

    public static final String TYPE_PREFIX = DomainRefusal.PROBLEM_TYPE_PREFIX;

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + code));
        problem.setTitle(title);
        problem.setProperty("code", code);
        return problem;
    }
}
