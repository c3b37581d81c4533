package io.tenantry.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.app.test.Api;
import io.tenantry.app.test.IntegrationTest;
import io.tenantry.app.test.NodeTools;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document passes Redocly's recommended rules: {@code redocly lint} (the version pinned in
 * {@code src/test/openapi/package-lock.json}) on what {@code /v3/api-docs} answers. Needs Node.js and npm on the
 * path: skipped without them, failed without them when {@code CI=true}.
 */
class OpenApiLintIT extends IntegrationTest {

    @Test
    void passesRedoclysRecommendedRules() throws Exception {
        Api.Response docs = api.get("/v3/api-docs").send();
        assertThat(docs.status()).isEqualTo(200);
        NodeTools redocly =
                NodeTools.install(Path.of("src/test/openapi"), Path.of("target/openapi-lint"), "@redocly/cli");
        Files.writeString(redocly.directory().resolve("openapi.json"), docs.body());

        NodeTools.Result lint =
                redocly.run("npx", "--no-install", "redocly", "lint", "openapi.json", "--format=stylish");

        assertThat(lint.exitCode()).as(lint.output()).isZero();
        assertThat(lint.output()).doesNotContain("warning").contains("Woohoo! Your API description is valid");
    }
}
