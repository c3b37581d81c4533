package io.tenantry.app.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.lang.NonNull;
import org.springframework.web.HttpMediaTypeException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Checks a request's media types before Tenantry's handler runs. A {@code Content-Type} of a body-reading endpoint
 * that does not parse, or is a wildcard ({@code *}{@code /*}), is 415: Spring MVC would fail on it with an
 * IllegalArgumentException. An {@code Accept} that admits no JSON (or does not parse) is 406: Spring MVC would notice
 * only when writing the answer, after a command had already changed the state. A missing header means anything.
 */
class MediaTypeInterceptor implements HandlerInterceptor {

    private static final List<MediaType> PRODUCED = List.of(MediaType.APPLICATION_JSON);

    @Override
    public boolean preHandle(@NonNull HttpServletRequest request, @NonNull HttpServletResponse response,
                             @NonNull Object handler) throws HttpMediaTypeException {
        if (!(handler instanceof HandlerMethod method) || !method.getBeanType().getPackageName().startsWith("io.tenantry.")
            || ErrorController.class.isAssignableFrom(method.getBeanType())) {
            return true;
        }
        if (readsBody(method)) {
            checkContentType(request.getContentType());
        }
        checkAccept(Collections.list(request.getHeaders(HttpHeaders.ACCEPT)));
        return true;
    }

    private static boolean readsBody(HandlerMethod method) {
        return Arrays.stream(method.getMethodParameters()).anyMatch(parameter -> parameter.hasParameterAnnotation(RequestBody.class));
    }

    private static void checkContentType(String value) throws HttpMediaTypeNotSupportedException {
        if (value == null) {
            return;
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(value);
        } catch (InvalidMediaTypeException unparseable) {
            throw new HttpMediaTypeNotSupportedException("The Content-Type header could not be parsed.");
        }
        if (type.isWildcardType() || type.isWildcardSubtype()) {
            throw new HttpMediaTypeNotSupportedException(type, PRODUCED);
        }
    }

    private static void checkAccept(List<String> values) throws HttpMediaTypeNotAcceptableException {
        if (values.isEmpty()) {
            return;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(values);
        } catch (InvalidMediaTypeException unparseable) {
            throw new HttpMediaTypeNotAcceptableException("The Accept header could not be parsed.");
        }
        if (!accepted.isEmpty() && accepted.stream().noneMatch(MediaType.APPLICATION_JSON::isCompatibleWith)) {
            throw new HttpMediaTypeNotAcceptableException(PRODUCED);
        }
    }
}
