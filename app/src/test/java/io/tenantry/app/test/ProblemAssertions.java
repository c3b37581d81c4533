package io.tenantry.app.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The shape every error answer must have (docs/api.md): problem+json with type, title, status, detail; no stack trace.
 */
public final class ProblemAssertions {

    private ProblemAssertions() {}

    public static JsonNode assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
        assertThat(response.header("Content-Type"))
                .as("content type of %s", response)
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = response.json();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asText()).isEqualTo("urn:tenantry:problem:" + code);
        assertThat(problem.path("code").asText()).isEqualTo(code);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(response.body())
                .doesNotContainIgnoringCase("exception")
                .doesNotContain("\tat ")
                .doesNotContainIgnoringCase("select ")
                .doesNotContain("io.tenantry.")
                .doesNotContain("org.springframework.");
        return problem;
    }
}
