package io.tenantry.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * A failure in a servlet filter ends at {@code /error}: the database being away there is 503, as it is in Spring
 * MVC (reliability battery, scenario 2: it was a 500), anything else still 500.
 */
class ProblemErrorControllerTest {

    private final ProblemErrorController controller = new ProblemErrorController();

    @Test
    void theDatabaseAwayInAFilterIs503() {
        ResponseEntity<ProblemDetail> answer =
                controller.error(failed(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection")));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(answer.getBody().getProperties()).containsEntry("code", "service_unavailable");
    }

    @Test
    void aConnectionClosedUnderAStatementIs503() {
        ResponseEntity<ProblemDetail> answer = controller.error(failed(new IllegalStateException(
                "wrapped", new SQLException("FATAL: terminating connection due to administrator command", "57P01"))));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
    }

    @Test
    void aStatementOnAConnectionThePoolClosedIs503() {
        // HikariCP's closed connection: what a transaction meets after its connection broke under it
        ResponseEntity<ProblemDetail> answer = controller.error(
                failed(new IllegalStateException("could not prepare", new SQLException("Connection is closed"))));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
    }

    @Test
    void anythingElseStays500WithoutDetails() {
        ResponseEntity<ProblemDetail> answer = controller.error(failed(new IllegalStateException("boom")));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getBody().getDetail()).isEqualTo("An unexpected error occurred.");
    }

    private static MockHttpServletRequest failed(Throwable failure) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, failure);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/tenants");
        return request;
    }
}
