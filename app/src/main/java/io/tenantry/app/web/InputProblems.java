package io.tenantry.app.web;

import static io.tenantry.command.web.Problems.fieldError;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.tenantry.command.web.Problems;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The problems with what a client sent: invalid fields, a parameter of the wrong type, a body that is too large, not
 * JSON or not of the expected shape. Each says which field is wrong and why, in JSON's words, never Java's.
 */
final class InputProblems {

    private static final int QUOTED_MAX = 64;

    private InputProblems() {}

    /** 400 {@code validation_failed}: the detail names the invalid fields. */
    static ProblemDetail validation(List<Map<String, String>> errors) {
        String detail = errors.size() == 1
                ? "1 field is invalid: " + errors.get(0).get("field") + "."
                : errors.size() + " fields are invalid: "
                        + errors.stream().map(e -> e.get("field")).distinct().collect(Collectors.joining(", ")) + ".";
        return Problems.invalid(detail, errors);
    }

    /** 400 {@code bad_request}: a query parameter or path variable that is missing or of the wrong type. */
    static ProblemDetail badParameter(String name, String message) {
        return Problems.withErrors(
                Problems.of(
                        HttpStatus.BAD_REQUEST, "bad_request", "Bad request", "1 parameter is invalid: " + name + "."),
                List.of(fieldError(name, message)));
    }

    /** 413: the body is over {@code tenantry.http.max-body-size}, {@code limit} bytes. */
    static ProblemDetail payloadTooLarge(long limit) {
        return Problems.withErrors(
                Problems.of(
                        HttpStatus.PAYLOAD_TOO_LARGE,
                        "payload_too_large",
                        "Payload too large",
                        "The request body is larger than the " + limit + " bytes allowed."),
                List.of(fieldError("body", "too large")));
    }

    /** A parameter of the wrong type, naming the type expected and, for a choice, the values allowed. */
    static ProblemDetail typeMismatch(TypeMismatchException ex) {
        String name = ex instanceof MethodArgumentTypeMismatchException argument
                ? argument.getName()
                : String.valueOf(ex.getPropertyName());
        Class<?> type = ex.getRequiredType();
        String allowed = type != null && type.isEnum() ? "; allowed: " + List.of(type.getEnumConstants()) : "";
        return badParameter(name, "value " + quoted(ex.getValue()) + " is not a valid " + jsonType(type) + allowed);
    }

    /**
     * A body that could not be read: over the size limit (413); a field unknown, of the wrong type or with a value
     * not allowed (400 {@code validation_failed}); or the body as a whole not JSON or not of the expected type (400
     * {@code malformed_body}).
     */
    static ProblemDetail unreadableBody(HttpMessageNotReadableException ex) {
        Optional<BodyTooLargeException> tooLarge = BodyTooLargeException.in(ex);
        if (tooLarge.isPresent()) {
            return payloadTooLarge(tooLarge.get().limit());
        }
        Throwable cause = ex.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return validation(
                    List.of(fieldError(path(unknown), "unknown field; allowed: " + unknown.getKnownPropertyIds())));
        }
        if (cause instanceof InvalidFormatException invalid) {
            String allowed =
                    invalid.getTargetType() != null && invalid.getTargetType().isEnum()
                            ? "; allowed: " + List.of(invalid.getTargetType().getEnumConstants())
                            : "";
            return validation(List.of(fieldError(
                    path(invalid),
                    "value " + quoted(invalid.getValue()) + " is not a valid " + jsonType(invalid.getTargetType())
                            + allowed)));
        }
        if (cause instanceof MismatchedInputException mismatched
                && !mismatched.getPath().isEmpty()) {
            return validation(List.of(
                    fieldError(path(mismatched), "wrong type; expected " + jsonType(mismatched.getTargetType()))));
        }
        // the body as a whole of the wrong type (an object for a list): malformed, saying what was expected
        if (cause instanceof MismatchedInputException mismatched
                && mismatched.getTargetType() != null
                && !String.valueOf(mismatched.getOriginalMessage()).startsWith("No content to map")) {
            return malformed(
                    "The request body is not of the expected type: a JSON " + jsonType(mismatched.getTargetType())
                            + ".",
                    "wrong type; expected " + jsonType(mismatched.getTargetType()));
        }
        String where = cause instanceof JsonProcessingException json
                        && json.getLocation() != null
                        && json.getLocation().getLineNr() > 0
                ? " (line " + json.getLocation().getLineNr() + ", column "
                        + json.getLocation().getColumnNr() + ")"
                : "";
        return where.isEmpty()
                ? malformed("The request body is missing or is not valid JSON.", "missing or not valid JSON")
                : malformed("The request body is not valid JSON" + where + ".", "not valid JSON" + where);
    }

    private static ProblemDetail malformed(String detail, String message) {
        return Problems.withErrors(
                Problems.of(HttpStatus.BAD_REQUEST, "malformed_body", "Malformed request body", detail),
                List.of(fieldError("body", message)));
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
        if (type == String.class
                || type == char.class
                || type == Character.class
                || java.time.temporal.Temporal.class.isAssignableFrom(type)
                || type == java.util.UUID.class) {
            return "string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if (type == int.class
                || type == long.class
                || type == short.class
                || type == Integer.class
                || type == Long.class
                || type == Short.class
                || type == java.math.BigInteger.class) {
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
}
