package io.tenantry.app.ops;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.tenantry.contracts.Caller;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document says what every operation may answer besides success: RFC 9457 problems (schema
 * {@code Problem}) for 400, 401, 403, 404, 409, 412, 422 and 503, each with the codes of that status
 * ({@link ProblemCodes}), and that the API takes a bearer JWT.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiProblems {

    private static final String PROBLEM = "Problem";
    private static final String BEARER = "bearer-jwt";

    static {
        // the caller comes from the bearer token, not from the request's parameters
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            components(openApi)
                    .addSchemas(PROBLEM, problemSchema())
                    .addSecuritySchemes(
                            BEARER,
                            new SecurityScheme()
                                    .type(SecurityScheme.Type.HTTP)
                                    .scheme("bearer")
                                    .bearerFormat("JWT"));
            openApi.addSecurityItem(new SecurityRequirement().addList(BEARER));
            openApi.getPaths()
                    .forEach((path, item) ->
                            item.readOperationsMap().forEach((method, operation) -> describe(path, method, operation)));
        };
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation operation) {
        problem(operation, "400", "Malformed or invalid request (with field errors)");
        problem(operation, "401", "No valid bearer token");
        problem(operation, "403", "Not allowed for the caller's role, permission or membership");
        if (path.contains("{")) {
            problem(operation, "404", "No such resource, or one the caller may not know of");
        }
        if (method != PathItem.HttpMethod.GET) {
            problem(operation, "409", "A duplicate, or a change the resource's state refuses");
        }
        if (method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.PATCH
                || method == PathItem.HttpMethod.DELETE) {
            problem(operation, "412", "If-Match names another version than the current one");
        }
        if (method != PathItem.HttpMethod.GET) {
            problem(operation, "422", "The Idempotency-Key was used for another request, or a mail could not be sent");
        }
        problem(operation, "503", "Storage unavailable for the moment (Retry-After)");
    }

    private static void problem(Operation operation, String status, String description) {
        if (operation.getResponses() != null && !operation.getResponses().containsKey(status)) {
            List<String> codes = ProblemCodes.BY_STATUS.getOrDefault(Integer.parseInt(status), List.of());
            if (!codes.isEmpty()) {
                description += ". Codes this status carries in the API: " + String.join(", ", codes);
            }
            operation
                    .getResponses()
                    .addApiResponse(
                            status,
                            new ApiResponse()
                                    .description(description)
                                    .content(new Content()
                                            .addMediaType(
                                                    "application/problem+json",
                                                    new MediaType()
                                                            .schema(new Schema<>()
                                                                    .$ref("#/components/schemas/" + PROBLEM)))));
        }
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        ObjectSchema error = new ObjectSchema();
        error.setProperties(Map.of("field", new StringSchema(), "message", new StringSchema()));
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details");
        problem.addProperty("type", new StringSchema().example("urn:tenantry:problem:slug_taken"));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("instance", new StringSchema());
        problem.addProperty("code", new StringSchema().example("slug_taken"));
        problem.addProperty("errors", new ArraySchema().items(error));
        return problem;
    }

    private static Components components(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        return openApi.getComponents();
    }
}
