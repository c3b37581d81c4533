package io.tenantry.app.web;

import static io.tenantry.app.web.ProblemResponses.answer;
import static io.tenantry.command.web.Problems.fieldError;
import static java.util.Map.entry;

import io.tenantry.app.ratelimit.TooManyRequestsException;
import io.tenantry.command.idp.IdentityProviderException;
import io.tenantry.command.provisioning.ProvisioningUnavailableException;
import io.tenantry.command.subscription.BillingUnavailableException;
import io.tenantry.command.web.Problems;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.JsonNames;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.lock.DeadlockException;
import org.axonframework.eventhandling.EventProcessingException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.axonframework.queryhandling.QueryExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
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
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place where failures become HTTP answers: RFC 9457 problems with a stable {@code code}, field errors for
 * validation, and never a stack trace, SQL or class name in a body. Spring MVC's own exceptions are handled by the
 * base class; everything else is looked up in {@link #ANSWERS} (see {@link #classify(Throwable)}).
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    /** What a failure arrives wrapped in (a future, Axon's handler and processor wrappers): the cause is answered. */
    private static final List<Class<? extends Throwable>> WRAPPERS = List.of(
            CompletionException.class,
            ExecutionException.class,
            CommandExecutionException.class,
            QueryExecutionException.class,
            EventProcessingException.class);

    /**
     * The answer to each kind of failure, once unwrapped: the entry of its class or, failing that, of its nearest
     * superclass (a {@link ConflictingAggregateVersionException} is a 412, not its superclass's 409).
     */
    private static final Map<Class<? extends Throwable>, Function<Throwable, ResponseEntity<ProblemDetail>>> ANSWERS =
            Map.ofEntries(
                    on(DomainRefusal.class, refusal -> answer(Problems.of(refusal))),
                    on(
                            AggregateNotFoundException.class,
                            fixed(HttpStatus.NOT_FOUND, "not_found", "Not found", "No such resource.")),
                    on(
                            ConflictingAggregateVersionException.class,
                            fixed(
                                    HttpStatus.PRECONDITION_FAILED,
                                    "version_mismatch",
                                    "Precondition failed",
                                    "The resource changed since the version given in If-Match; "
                                            + "read it again, then retry.")),
                    on(AggregateStreamCreationException.class, concurrentModification()),
                    on(ConcurrencyException.class, concurrentModification()),
                    on(ConflictingModificationException.class, concurrentModification()),
                    // a lock-order deadlock between two commands is one more kind of concurrent change: one is undone
                    on(DeadlockException.class, concurrentModification()),
                    // the security firewall, asked about a request's parameters once Spring MVC reads them
                    on(
                            RequestRejectedException.class,
                            fixed(
                                    HttpStatus.BAD_REQUEST,
                                    "bad_request",
                                    "Bad request",
                                    "The request holds names or characters that are not allowed.")),
                    on(
                            AccessDeniedException.class,
                            fixed(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "You are not allowed to do this.")),
                    on(
                            AuthenticationException.class,
                            fixed(
                                    HttpStatus.UNAUTHORIZED,
                                    "unauthenticated",
                                    "Unauthorized",
                                    "A valid bearer token is required.")),
                    on(BillingUnavailableException.class, billing -> {
                        log.warn("Billing unavailable: {}", billing.getMessage());
                        return answer(
                                Problems.of(
                                        HttpStatus.SERVICE_UNAVAILABLE,
                                        "billing_unavailable",
                                        "Service unavailable",
                                        billing.getMessage() + " Nothing was changed; retry later."),
                                "30");
                    }),
                    on(
                            ProvisioningUnavailableException.class,
                            unavailable -> answer(Problems.of(
                                    HttpStatus.SERVICE_UNAVAILABLE,
                                    "provisioning_unavailable",
                                    "Service unavailable",
                                    unavailable.getMessage()))),
                    on(IdentityProviderException.class, idp -> {
                        log.warn("Identity provider {} unavailable: {}", idp.provider(), idp.getMessage());
                        return answer(
                                Problems.of(
                                        HttpStatus.SERVICE_UNAVAILABLE,
                                        "idp_unavailable",
                                        "Service unavailable",
                                        "The identity provider " + idp.provider()
                                                + " could not set the tenant up: " + idp.getMessage()
                                                + " Nothing was recorded; retry later."),
                                "30");
                    }));

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handle(Exception exception, HttpServletRequest request) {
        Throwable failure = unwrap(exception);
        if (failure instanceof AggregateNotFoundException notFound && isTenantOfRoute(notFound, request)) {
            // the answer a caller gets for a tenant it may not see (Roster, TenantReadAccess): no hint it exists
            return answer(Problems.of(
                    HttpStatus.NOT_FOUND,
                    "tenant_not_found",
                    "Not found",
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

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooManyRequests(TooManyRequestsException exception) {
        return answer(
                Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate_limited", "Too many requests", exception.getMessage()),
                Long.toString(exception.retryAfterSeconds()));
    }

    /** Bean validation outside Spring MVC's own parameter validation (a @Validated bean, a method constraint). */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException exception) {
        List<Map<String, String>> errors = new ArrayList<>();
        exception.getConstraintViolations().forEach(violation -> {
            String path = violation.getPropertyPath().toString();
            errors.add(fieldError(path.substring(path.lastIndexOf('.') + 1), String.valueOf(violation.getMessage())));
        });
        return badInput(InputProblems.validation(errors));
    }

    /**
     * A body over the size limit anywhere in the failure's causes is 413; otherwise the answer {@link #ANSWERS} has
     * for the failure's class; then the database being away is 503; anything else is a 500 with a logged reference.
     */
    private static ResponseEntity<ProblemDetail> classify(Throwable failure) {
        Optional<BodyTooLargeException> tooLarge = BodyTooLargeException.in(failure);
        if (tooLarge.isPresent()) {
            return answer(InputProblems.payloadTooLarge(tooLarge.get().limit()));
        }
        for (Class<?> type = failure.getClass(); type != null; type = type.getSuperclass()) {
            Function<Throwable, ResponseEntity<ProblemDetail>> listed = ANSWERS.get(type);
            if (listed != null) {
                return listed.apply(failure);
            }
        }
        if (StorageUnavailable.isCauseOf(failure)) {
            log.warn("Storage unavailable: {}", failure.toString());
            return StorageUnavailable.answer();
        }
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected failure, reference {}", reference, failure);
        return answer(Problems.internalError(reference));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            @NonNull MethodArgumentNotValidException ex,
            @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status,
            @NonNull WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        Object target = ex.getBindingResult().getTarget();
        ex.getBindingResult()
                .getFieldErrors()
                .forEach(error -> errors.add(fieldError(
                        JsonNames.of(target == null ? null : target.getClass(), error.getField()),
                        String.valueOf(error.getDefaultMessage()))));
        ex.getBindingResult()
                .getGlobalErrors()
                .forEach(error ->
                        errors.add(fieldError(error.getObjectName(), String.valueOf(error.getDefaultMessage()))));
        return badInput(InputProblems.validation(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            @NonNull HandlerMethodValidationException ex,
            @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status,
            @NonNull WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getParameterValidationResults()
                .forEach(result -> result.getResolvableErrors()
                        .forEach(error -> errors.add(fieldError(
                                String.valueOf(result.getMethodParameter().getParameterName()),
                                String.valueOf(error.getDefaultMessage())))));
        return badInput(InputProblems.validation(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            @NonNull HttpMessageNotReadableException ex,
            @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status,
            @NonNull WebRequest request) {
        return badInput(InputProblems.unreadableBody(ex));
    }

    /** A query parameter or path variable of the wrong type: 400 {@code bad_request}, naming it as a field error. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            @NonNull TypeMismatchException ex,
            @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status,
            @NonNull WebRequest request) {
        return badInput(InputProblems.typeMismatch(ex));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            @NonNull MissingServletRequestParameterException ex,
            @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status,
            @NonNull WebRequest request) {
        return badInput(InputProblems.badParameter(ex.getParameterName(), "required"));
    }

    /** Every other Spring MVC failure (404 route, 405, 415, bad parameter...) gets our type and code too. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body,
            @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode statusCode,
            @NonNull WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getProperties() == null) {
            String code = Problems.codeFor(statusCode);
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

    /** The failure a wrapper holds, and so on down: what was thrown where the work was done. */
    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while (isWrapper(current) && current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current;
    }

    private static boolean isWrapper(Throwable failure) {
        return WRAPPERS.stream().anyMatch(wrapper -> wrapper.isInstance(failure));
    }

    /** An entry of {@link #ANSWERS}: the answer is given the failure as its own type. */
    private static <T extends Throwable>
            Map.Entry<Class<? extends Throwable>, Function<Throwable, ResponseEntity<ProblemDetail>>> on(
                    Class<T> type, Function<? super T, ResponseEntity<ProblemDetail>> answer) {
        return entry(type, failure -> answer.apply(type.cast(failure)));
    }

    /** The same problem whatever the failure says (built anew each time: a problem is mutable). */
    private static Function<Throwable, ResponseEntity<ProblemDetail>> fixed(
            HttpStatus status, String code, String title, String detail) {
        return failure -> answer(Problems.of(status, code, title, detail));
    }

    private static Function<Throwable, ResponseEntity<ProblemDetail>> concurrentModification() {
        return fixed(
                HttpStatus.CONFLICT,
                "concurrent_modification",
                "Conflict",
                "The resource was changed by another request at the same time; retry with its current state.");
    }

    /** The answer to bad input, typed as the base class's handlers answer. */
    private static ResponseEntity<Object> badInput(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
