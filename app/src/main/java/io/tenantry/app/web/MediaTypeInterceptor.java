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
 * Checks a request's media types before Tenantry's handler runs. Every body Tenantry reads is JSON: a
 * {@code Content-Type} of a body-reading endpoint that is not JSON ({@code application/json} or
 * {@code application/*+json}) is 415, before Spring MVC tries anything with it (it failed with a 500 on a wildcard
 * type, and rebuilt a form body from request parameters that the security firewall then refused, another 500). An
 * {@code Accept} that admits no JSON (or does not parse) is 406: Spring MVC would notice only when writing the answer,
 * after a command had already changed the state. A missing header is left to Spring MVC (missing Accept: anything).
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
        boolean json = "application".equals(type.getType())
                       && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
        if (!json) {
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
