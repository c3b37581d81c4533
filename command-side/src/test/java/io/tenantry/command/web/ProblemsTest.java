package io.tenantry.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.contracts.DomainRefusal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

class ProblemsTest {

    @Test
    void aRefusalIsItsKindsStatusAndTitleWithItsCodeAndDetails() {
        ProblemDetail problem = Problems.of(new DomainRefusal(
                DomainRefusal.Kind.CONFLICT, "plan_limit_reached", "The plan is full.", Map.of("limit", 5)));

        assertThat(problem.getStatus()).isEqualTo(409);
        assertThat(problem.getType()).hasToString("urn:tenantry:problem:plan_limit_reached");
        assertThat(problem.getTitle()).isEqualTo("Conflict");
        assertThat(problem.getDetail()).isEqualTo("The plan is full.");
        assertThat(problem.getProperties())
                .containsExactlyInAnyOrderEntriesOf(Map.of("code", "plan_limit_reached", "limit", 5));
    }

    @Test
    void aValidationProblemListsItsFieldErrors() {
        ProblemDetail problem =
                Problems.invalid("1 field is invalid.", List.of(Problems.fieldError("client_name", "required")));

        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getProperties())
                .containsEntry("code", "validation_failed")
                .containsEntry("errors", List.of(Map.of("field", "client_name", "message", "required")));
    }

    @Test
    void aBareStatusSaysOnlyItsReason() {
        ProblemDetail notFound = Problems.ofStatus(404);
        ProblemDetail unknown = Problems.ofStatus(499);

        assertThat(notFound.getTitle()).isEqualTo("Not Found");
        assertThat(notFound.getDetail()).isEqualTo("The request could not be served: Not Found.");
        assertThat(notFound.getProperties()).containsEntry("code", "not_found");
        assertThat(unknown.getStatus()).isEqualTo(499);
        assertThat(unknown.getTitle()).isEqualTo("Error");
        assertThat(unknown.getProperties()).containsEntry("code", "internal_error");
        assertThat(Problems.ofStatus(502).getDetail()).isEqualTo("An unexpected error occurred.");
    }
}
