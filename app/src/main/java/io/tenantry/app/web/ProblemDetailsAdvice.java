package io.tenantry.app.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.tenantry.command.idp.IdentityProviderException;
import io.tenantry.command.provisioning.ProvisioningUnavailableException;
import io.tenantry.command.subscription.BillingUnavailableException;
import io.tenantry.command.web.Problems;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.JsonNames;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.lock.DeadlockException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.QueryExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * The one place where failures become HTTP answers: RFC 9457 problems with a stable {@code code}, field errors for
 * validation, and never a stack trace, SQL or class name in a body. Spring MVC's own exceptions are handled by the
 * base class; everything else goes through {@link #classify(Throwable)}.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final int QUOTED_MAX = 64;

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handle(Exception exception, HttpServletRequest request) {
        Throwable failure = unwrap(exception);
        if (failure instanceof AggregateNotFoundException notFound && isTenantOfRoute(notFound, request)) {
            // the answer a caller gets for a tenant it may not see (Roster, TenantReadAccess): no hint it exists
            return respond(Problems.of(HttpStatus.NOT_FOUND, "tenant_not_found", "Not found",
                    "No tenant with id " + notFound.getAggregateIdentifier() + "."));
        }
        return classify(failure);
    }

    /** Whether the aggregate not found is the tenant the route names ({@code /api/.../tenants/{tenantId}...}). */
    private static boolean isTenantOfRoute(AggregateNotFoundException notFound, HttpServletRequest request) {
        return request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
                && notFound.getAggregateIdentifier() != null
                && notFound.getAggregateIdentifier().equals(variables.get("tenantId"));
    }

    @ExceptionHandler(io.tenantry.app.ratelimit.TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooManyRequests(io.tenantry.app.ratelimit.TooManyRequestsException exception) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                             .header(HttpHeaders.RETRY_AFTER, Long.toString(exception.retryAfterSeconds()))
                             .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                             .body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate_limited", "Too many requests",
                                     exception.getMessage()));
    }

    /** Bean validation outside Spring MVC's own parameter validation (a @Validated bean, a method constraint). */
    @ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(jakarta.validation.ConstraintViolationException exception) {
        List<Map<String, String>> errors = new ArrayList<>();
        exception.getConstraintViolations().forEach(violation -> {
            String path = violation.getPropertyPath().toString();
            errors.add(Map.of("field", path.substring(path.lastIndexOf('.') + 1),
                    "message", String.valueOf(violation.getMessage())));
        });
        return validationProblem(errors);
    }

    private ResponseEntity<ProblemDetail> classify(Throwable failure) {
        Optional<BodyTooLargeException> tooLarge = BodyTooLargeException.in(failure);
        if (tooLarge.isPresent()) {
            return respond(payloadTooLarge(tooLarge.get().limit()));
        }
        if (failure instanceof DomainRefusal refusal) {
            return respond(Problems.of(refusal));
        }
        if (failure instanceof AggregateNotFoundException) {
            return respond(Problems.of(HttpStatus.NOT_FOUND, "not_found", "Not found", "No such resource."));
        }
        if (failure instanceof org.axonframework.modelling.command.ConflictingAggregateVersionException) {
            return respond(Problems.of(HttpStatus.PRECONDITION_FAILED, "version_mismatch", "Precondition failed",
                    "The resource changed since the version given in If-Match; read it again, then retry."));
        }
        // a lock-order deadlock between two commands is one more kind of concurrent change: one of them is undone
        if (failure instanceof AggregateStreamCreationException
                || failure instanceof ConcurrencyException
                || failure instanceof ConflictingModificationException
                || failure instanceof DeadlockException) {
            return respond(Problems.of(HttpStatus.CONFLICT, "concurrent_modification", "Conflict",
                    "The resource was changed by another request at the same time; retry with its current state."));
        }
        // the security firewall, asked about a request's parameters once Spring MVC reads them
        if (failure instanceof org.springframework.security.web.firewall.RequestRejectedException) {
            return respond(Problems.of(HttpStatus.BAD_REQUEST, "bad_request", "Bad request",
                    "The request holds names or characters that are not allowed."));
        }
        if (failure instanceof AccessDeniedException) {
            return respond(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "You are not allowed to do this."));
        }
        if (failure instanceof AuthenticationException) {
            return respond(Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthorized",
                    "A valid bearer token is required."));
        }
        if (failure instanceof BillingUnavailableException billing) {
            log.warn("Billing unavailable: {}", billing.getMessage());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                                 .header(HttpHeaders.RETRY_AFTER, "30")
                                 .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                                 .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "billing_unavailable",
                                         "Service unavailable", billing.getMessage() + " Nothing was changed; retry later."));
        }
        if (failure instanceof ProvisioningUnavailableException unavailable) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                                 .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                                 .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "provisioning_unavailable",
                                         "Service unavailable", unavailable.getMessage()));
        }
        if (failure instanceof IdentityProviderException idp) {
            log.warn("Identity provider {} unavailable: {}", idp.provider(), idp.getMessage());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                                 .header(HttpHeaders.RETRY_AFTER, "30")
                                 .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                                 .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "idp_unavailable",
                                         "Service unavailable", "The identity provider " + idp.provider()
                                                 + " could not set the tenant up: " + idp.getMessage()
                                                 + " Nothing was recorded; retry later."));
        }
        if (isUnavailable(failure)) {
            log.warn("Storage unavailable: {}", failure.toString());
            return storageUnavailable();
        }
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected failure, reference {}", reference, failure);
        return respond(Problems.internalError(reference));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(@NonNull MethodArgumentNotValidException ex,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        Object target = ex.getBindingResult().getTarget();
        ex.getBindingResult().getFieldErrors().forEach(error -> errors.add(
                Map.of("field", JsonNames.of(target == null ? null : target.getClass(), error.getField()),
                        "message", String.valueOf(error.getDefaultMessage()))));
        ex.getBindingResult().getGlobalErrors().forEach(error ->
                errors.add(Map.of("field", error.getObjectName(), "message", String.valueOf(error.getDefaultMessage()))));
        return validationProblem(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(@NonNull HandlerMethodValidationException ex,
                                                                            @NonNull HttpHeaders headers,
                                                                            @NonNull HttpStatusCode status,
                                                                            @NonNull WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error -> errors.add(
                Map.of("field", String.valueOf(result.getMethodParameter().getParameterName()),
                        "message", String.valueOf(error.getDefaultMessage())))));
        return validationProblem(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(@NonNull HttpMessageNotReadableException ex,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        Optional<BodyTooLargeException> tooLarge = BodyTooLargeException.in(ex);
        if (tooLarge.isPresent()) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                                 .body(payloadTooLarge(tooLarge.get().limit()));
        }
        Throwable cause = ex.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return validationProblem(List.of(Map.of("field", path(unknown),
                    "message", "unknown field; allowed: " + unknown.getKnownPropertyIds())));
        }
        if (cause instanceof InvalidFormatException invalid) {
            String allowed = invalid.getTargetType() != null && invalid.getTargetType().isEnum()
                    ? "; allowed: " + List.of(invalid.getTargetType().getEnumConstants())
                    : "";
            return validationProblem(List.of(Map.of("field", path(invalid),
                    "message", "value " + quoted(invalid.getValue()) + " is not a valid "
                            + jsonType(invalid.getTargetType()) + allowed)));
        }
        if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            return validationProblem(List.of(Map.of("field", path(mismatched),
                    "message", "wrong type; expected " + jsonType(mismatched.getTargetType()))));
        }
        // the body as a whole of the wrong type (an object for a list): malformed, saying what was expected
        if (cause instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null
            && !String.valueOf(mismatched.getOriginalMessage()).startsWith("No content to map")) {
            ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed_body", "Malformed request body",
                    "The request body is not of the expected type: a JSON " + jsonType(mismatched.getTargetType()) + ".");
            problem.setProperty("errors", List.of(Map.of("field", "body",
                    "message", "wrong type; expected " + jsonType(mismatched.getTargetType()))));
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        String where = cause instanceof JsonProcessingException json && json.getLocation() != null
                       && json.getLocation().getLineNr() > 0
                ? " (line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr() + ")" : "";
        String detail = where.isEmpty() ? "The request body is missing or is not valid JSON."
                : "The request body is not valid JSON" + where + ".";
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed_body", "Malformed request body", detail);
        problem.setProperty("errors", List.of(Map.of("field", "body",
                "message", where.isEmpty() ? "missing or not valid JSON" : "not valid JSON" + where)));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** A query parameter or path variable of the wrong type: 400 {@code bad_request}, naming it as a field error. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(@NonNull TypeMismatchException ex, @NonNull HttpHeaders headers,
                                                        @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
                : String.valueOf(ex.getPropertyName());
        Class<?> type = ex.getRequiredType();
        String allowed = type != null && type.isEnum() ? "; allowed: " + List.of(type.getEnumConstants()) : "";
        return badParameter(name, "value " + quoted(ex.getValue()) + " is not a valid " + jsonType(type) + allowed);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            @NonNull MissingServletRequestParameterException ex, @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        return badParameter(ex.getParameterName(), "required");
    }

    private static ResponseEntity<Object> badParameter(String name, String message) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "bad_request", "Bad request",
                "1 parameter is invalid: " + name + ".");
        problem.setProperty("errors", List.of(Map.of("field", name, "message", message)));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** 413: the body is over {@code tenantry.http.max-body-size}, {@code limit} bytes. */
    static ProblemDetail payloadTooLarge(long limit) {
        ProblemDetail problem = Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large", "Payload too large",
                "The request body is larger than the " + limit + " bytes allowed.");
        problem.setProperty("errors", List.of(Map.of("field", "body", "message", "too large")));
        return problem;
    }

    /** Every other Spring MVC failure (404 route, 405, 415, bad parameter...) gets our type and code too. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, @NonNull HttpHeaders headers,
                                                          @NonNull HttpStatusCode statusCode,
                                                          @NonNull WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getProperties() == null) {
            String code = codeFor(statusCode);
            problem.setType(java.net.URI.create(Problems.TYPE_PREFIX + code));
            problem.setProperty("code", code);
        }
        return super.createResponseEntity(body, problemJson(headers), statusCode, request);
    }

    /**
     * The type of every error answer, set here rather than negotiated: negotiating it would follow the request's
     * {@code Accept}, and an unparseable or unsatisfiable one would leave the error without a body.
     */
    private static HttpHeaders problemJson(HttpHeaders headers) {
        HttpHeaders withType = new HttpHeaders();
        withType.putAll(headers);
        withType.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return withType;
    }

    private static ResponseEntity<Object> validationProblem(List<Map<String, String>> errors) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation_failed", "Invalid request",
                errors.size() == 1 ? "1 field is invalid: " + errors.get(0).get("field") + "."
                        : errors.size() + " fields are invalid: "
                          + errors.stream().map(e -> e.get("field")).distinct().collect(Collectors.joining(", ")) + ".");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String path(JsonMappingException exception) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : exception.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** The value sent, cut short: enough to recognise it, not a megabyte of input echoed back. */
    private static String quoted(Object value) {
        String text = String.valueOf(value);
        if (text.length() > QUOTED_MAX) {
            text = text.substring(0, QUOTED_MAX) + "...";
        }
        return value instanceof String ? "'" + text + "'" : text;
    }

    /** What a client should have sent, in JSON's words; never a Java class name. */
    private static String jsonType(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type.isEnum()) {
            return "choice";
        }
        if (type == String.class || type == char.class || type == Character.class
            || java.time.temporal.Temporal.class.isAssignableFrom(type) || type == java.util.UUID.class) {
            return "string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if (type == int.class || type == long.class || type == short.class || type == Integer.class
            || type == Long.class || type == Short.class || type == java.math.BigInteger.class) {
            return "integer";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "number";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "array";
        }
        return "object";
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException
                || current instanceof CommandExecutionException || current instanceof QueryExecutionException
                || current instanceof org.axonframework.eventhandling.EventProcessingException)
                && current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current;
    }

    /**
     * Whether the failure is the database being away: no connection, a connection lost or closed under a statement
     * (SQLState class 08, or the pool's closed connection), or the server shutting down (57P01 to 57P03). Also asked by
     * {@link ProblemErrorController} for failures in servlet filters.
     */
    static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessResourceException
                    || t instanceof QueryTimeoutException || t instanceof CannotCreateTransactionException
                    || t instanceof java.sql.SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && (sql.getSQLState() != null
                    ? sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0")
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
    static ResponseEntity<ProblemDetail> storageUnavailable() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                             .header(HttpHeaders.RETRY_AFTER, "5")
                             .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                             .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable",
                                     "Service unavailable", "Storage is unavailable for the moment; retry shortly."));
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    static String codeFor(HttpStatusCode status) {
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
