package io.tenantry.app.web;

import io.tenantry.command.web.Problems;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Failures that happen outside Spring MVC (in a servlet filter, or a request the container rejects) end at
 * {@code /error}; they are answered as problems too, without the default error page's exception details.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping(
            value = "${server.error.path:/error}",
            produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE
            })
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        // a filter that needs the database (Idempotency-Key's bookkeeping) while it is away: 503, as in Spring MVC
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
                && StorageUnavailable.isCauseOf(failure)) {
            return StorageUnavailable.answer();
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // asked for directly, not forwarded by the container: there is no error, and no such resource
        HttpStatus status = code == null
                ? HttpStatus.NOT_FOUND
                : code instanceof Integer value && HttpStatus.resolve(value) != null
                        ? HttpStatus.valueOf(value)
                        : HttpStatus.INTERNAL_SERVER_ERROR;
        ProblemDetail problem = Problems.ofStatus(status.value());
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null) {
            try {
                problem.setInstance(java.net.URI.create(String.valueOf(uri)));
            } catch (IllegalArgumentException notAUri) {
                // a path the container let through but that is no URI: leave "instance" out
            }
        }
        return ProblemResponses.answer(problem);
    }
}
