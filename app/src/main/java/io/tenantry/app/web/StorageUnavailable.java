package io.tenantry.app.web;

import io.tenantry.command.web.Problems;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The database being away, told apart from every other failure: it is answered 503 with {@code Retry-After}, in
 * Spring MVC ({@link ProblemDetailsAdvice}) and in servlet filters alike ({@link ProblemErrorController}).
 */
final class StorageUnavailable {

    private StorageUnavailable() {}

    /**
     * Whether the failure is the database being away: no connection, a connection lost or closed under a statement
     * (SQLState class 08, or the pool's closed connection), or the server shutting down (57P01 to 57P03).
     */
    static boolean isCauseOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessResourceException
                    || t instanceof QueryTimeoutException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof java.sql.SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql
                    && (sql.getSQLState() != null
                            ? sql.getSQLState().startsWith("08")
                                    || sql.getSQLState().startsWith("57P0")
                            // HikariCP's answer on a connection it closed because it broke mid-transaction: no SQLState
                            : "Connection is closed".equals(sql.getMessage()))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** 503 {@code service_unavailable}: the database is away; a retry shortly may succeed. */
    static ResponseEntity<ProblemDetail> answer() {
        return ProblemResponses.answer(
                Problems.of(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "service_unavailable",
                        "Service unavailable",
                        "Storage is unavailable for the moment; retry shortly."),
                "5");
    }
}
