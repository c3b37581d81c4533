package io.tenantry.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.command.subscription.BillingUnavailableException;
import io.tenantry.contracts.DomainRefusal;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.servlet.HandlerMapping;

/** The advice's table: each failure, unwrapped from what Axon or a future wraps it in, gets its status and code. */
class ProblemDetailsAdviceTest {

    private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();

    @Test
    void aVersionConflictIs412NotItsSuperclasss409() {
        ResponseEntity<ProblemDetail> answer =
                handle(new CommandExecutionException("failed", new ConflictingAggregateVersionException("t-1", 3, 4)));

        assertThat(answer.getStatusCode().value()).isEqualTo(412);
        assertThat(code(answer)).isEqualTo("version_mismatch");
        assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
    }

    @Test
    void aConcurrentChangeInAFutureIs409() {
        ResponseEntity<ProblemDetail> answer = handle(new CompletionException(new ConcurrencyException("raced")));

        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        assertThat(code(answer)).isEqualTo("concurrent_modification");
    }

    @Test
    void aRefusalKeepsItsCodeAndDetails() {
        ResponseEntity<ProblemDetail> answer = handle(new CommandExecutionException(
                "failed",
                new DomainRefusal(DomainRefusal.Kind.CONFLICT, "plan_limit_reached", "Full.", Map.of("limit", 5))));

        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        assertThat(answer.getBody().getTitle()).isEqualTo("Conflict");
        assertThat(answer.getBody().getDetail()).isEqualTo("Full.");
        assertThat(answer.getBody().getProperties())
                .containsEntry("code", "plan_limit_reached")
                .containsEntry("limit", 5);
    }

    @Test
    void anAggregateNotFoundIsTheRoutesTenantOrNoSuchResource() {
        MockHttpServletRequest route = new MockHttpServletRequest();
        route.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("tenantId", "t-1"));

        assertThat(code(advice.handle(new AggregateNotFoundException("t-1", "gone"), route)))
                .isEqualTo("tenant_not_found");
        assertThat(code(handle(new AggregateNotFoundException("m-1", "gone")))).isEqualTo("not_found");
    }

    @Test
    void aSubclassOfAnEntryGetsItsAnswer() {
        ResponseEntity<ProblemDetail> answer = handle(new AuthorizationDeniedException("denied"));

        assertThat(answer.getStatusCode().value()).isEqualTo(403);
        assertThat(code(answer)).isEqualTo("forbidden");
    }

    @Test
    void theBillerAwayIs503WithRetryAfter() {
        ResponseEntity<ProblemDetail> answer = handle(new BillingUnavailableException("Stripe is down.", null));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("30");
        assertThat(code(answer)).isEqualTo("billing_unavailable");
        assertThat(answer.getBody().getDetail()).isEqualTo("Stripe is down. Nothing was changed; retry later.");
    }

    @Test
    void aBodyOverTheLimitAmongTheCausesIs413() {
        ResponseEntity<ProblemDetail> answer = handle(
                new IllegalStateException("read failed", new UncheckedIOException(new BodyTooLargeException(1024))));

        assertThat(answer.getStatusCode().value()).isEqualTo(413);
        assertThat(code(answer)).isEqualTo("payload_too_large");
    }

    @Test
    void theDatabaseAwayIs503AndAnythingElse500() {
        ResponseEntity<ProblemDetail> away = handle(new CommandExecutionException(
                "failed", new IllegalStateException("wrapped", new SQLException("connection lost", "08006"))));
        ResponseEntity<ProblemDetail> other = handle(new IllegalStateException("boom"));

        assertThat(away.getStatusCode().value()).isEqualTo(503);
        assertThat(away.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(code(away)).isEqualTo("service_unavailable");
        assertThat(other.getStatusCode().value()).isEqualTo(500);
        assertThat(code(other)).isEqualTo("internal_error");
        assertThat(other.getBody().getDetail()).doesNotContain("boom");
    }

    private ResponseEntity<ProblemDetail> handle(Exception failure) {
        return advice.handle(failure, new MockHttpServletRequest());
    }

    private static Object code(ResponseEntity<ProblemDetail> answer) {
        return answer.getBody().getProperties().get("code");
    }
}
