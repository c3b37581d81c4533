package io.tenantry.app.web;

import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * One endpoint of the running app as its {@link RequestMappingHandlerMapping} has it: a method and a path template,
 * and what the handler reads (body type, query parameters, headers), so a fuzzer can aim at every one of them.
 */
record FuzzEndpoint(
        String method,
        String pattern,
        List<String> pathVariables,
        Type bodyType,
        List<QueryParameter> queryParameters,
        List<String> headers) {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::[^}]*)?}");
    /** Mappings without a method (the error page) are tried with these. */
    private static final List<String> ANY_METHOD = List.of("GET", "POST", "DELETE");

    record QueryParameter(String name, Class<?> type) {}

    @Override
    public String toString() {
        return method + " " + pattern;
    }

    /** Every method and path template the app maps, one endpoint each. */
    static List<FuzzEndpoint> all(RequestMappingHandlerMapping mapping) {
        List<FuzzEndpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
                mapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            List<String> names = methods.isEmpty()
                    ? ANY_METHOD
                    : methods.stream().map(Enum::name).toList();
            for (String pattern : info.getPatternValues()) {
                for (String method : names) {
                    endpoints.add(of(method, pattern, entry.getValue()));
                }
            }
        }
        endpoints.sort(Comparator.comparing(FuzzEndpoint::toString));
        return List.copyOf(endpoints);
    }

    private static FuzzEndpoint of(String method, String pattern, HandlerMethod handler) {
        List<String> variables = new ArrayList<>();
        Matcher matcher = VARIABLE.matcher(pattern);
        while (matcher.find()) {
            variables.add(matcher.group(1));
        }
        Type body = null;
        List<QueryParameter> query = new ArrayList<>();
        List<String> headers = new ArrayList<>();
        for (Parameter parameter : handler.getMethod().getParameters()) {
            if (parameter.isAnnotationPresent(RequestBody.class)) {
                body = parameter.getParameterizedType();
            }
            RequestParam param = parameter.getAnnotation(RequestParam.class);
            if (param != null) {
                query.add(new QueryParameter(
                        !param.name().isEmpty()
                                ? param.name()
                                : !param.value().isEmpty() ? param.value() : parameter.getName(),
                        parameter.getType()));
            }
            RequestHeader header = parameter.getAnnotation(RequestHeader.class);
            if (header != null) {
                headers.add(!header.name().isEmpty() ? header.name() : header.value());
            }
        }
        return new FuzzEndpoint(
                method, pattern, List.copyOf(variables), body, List.copyOf(query), List.copyOf(headers));
    }
}
