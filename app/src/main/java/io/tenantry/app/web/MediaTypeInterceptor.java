package io.tenantry.app.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
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
import org.springframework.web.servlet.HandlerMapping;

/**
 * Checks a request's media types before Tenantry's handler runs. Every body Tenantry reads is JSON: a
 * {@code Content-Type} of a body-reading endpoint that is not JSON ({@code application/json} or
 * {@code application/*+json}) is 415, before Spring MVC tries anything with it (it failed with a 500 on a wildcard
 * type, and rebuilt a form body from request parameters that the security firewall then refused, another 500). An
 * {@code Accept} that admits nothing the handler produces (JSON, unless its mapping says otherwise, as the event
 * stream does), or does not parse, is 406: Spring MVC would notice only when writing the answer,
 * after a command had already changed the state. A missing header is left to Spring MVC (missing Accept: anything).
 */
class MediaTypeInterceptor implements HandlerInterceptor {

    private static final List<MediaType> PRODUCED = List.of(MediaType.APPLICATION_JSON);

    @Override
    public boolean preHandle(
            @NonNull HttpServletRequest request, @NonNull HttpServletResponse response, @NonNull Object handler)
            throws HttpMediaTypeException {
        if (!(handler instanceof HandlerMethod method)
                || !method.getBeanType().getPackageName().startsWith("io.tenantry.")
                || ErrorController.class.isAssignableFrom(method.getBeanType())) {
            return true;
        }
        if (readsBody(method)) {
            checkContentType(request.getContentType());
        }
        checkAccept(Collections.list(request.getHeaders(HttpHeaders.ACCEPT)), produced(request));
        return true;
    }

    private static boolean readsBody(HandlerMethod method) {
        return Arrays.stream(method.getMethodParameters())
                .anyMatch(parameter -> parameter.hasParameterAnnotation(RequestBody.class));
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

    /** What the handler says it produces ({@code produces} of its mapping), else JSON. */
    @SuppressWarnings("unchecked")
    private static List<MediaType> produced(HttpServletRequest request) {
        Object producible = request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE);
        return producible instanceof java.util.Set<?> types && !types.isEmpty()
                ? List.copyOf((java.util.Set<MediaType>) types)
                : PRODUCED;
    }

    private static void checkAccept(List<String> values, List<MediaType> produced)
            throws HttpMediaTypeNotAcceptableException {
        if (values.isEmpty()) {
            return;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(values);
        } catch (InvalidMediaTypeException unparseable) {
            throw new HttpMediaTypeNotAcceptableException("The Accept header could not be parsed.");
        }
        if (!accepted.isEmpty()
                && accepted.stream().noneMatch(type -> produced.stream().anyMatch(type::isCompatibleWith))) {
            throw new HttpMediaTypeNotAcceptableException(produced);
        }
    }
}
