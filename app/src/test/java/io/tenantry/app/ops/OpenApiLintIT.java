package io.tenantry.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tenantry.app.test.Api;
import io.tenantry.app.test.IntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document passes Redocly's recommended rules: {@code redocly lint} (the version pinned in
 * {@code src/test/openapi/package-lock.json}, installed with {@code npm ci}) on what {@code /v3/api-docs} answers.
 * Needs Node.js and npm on the path: skipped without them, failed without them when {@code CI=true}.
 */
class OpenApiLintIT extends IntegrationTest {

    private static final Path SETUP = Path.of("src/test/openapi");
    private static final Path WORK = Path.of("target/openapi-lint");

    @Test
    void passesRedoclysRecommendedRules() throws Exception {
        Api.Response docs = api.get("/v3/api-docs").send();
        assertThat(docs.status()).isEqualTo(200);
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "package-lock.json", "redocly.yaml", ".redocly.lint-ignore.yaml")) {
            Files.copy(SETUP.resolve(file), WORK.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(WORK.resolve("openapi.json"), docs.body());

        boolean npm = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "npx")));
        String missing = "no Node.js/npm on the path: apt-get install nodejs npm";
        // in CI a missing tool is a failure: a test that skips there is a test that does not exist
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            assertThat(npm).as(missing).isTrue();
        }
        assumeTrue(npm, missing);
        if (!Files.isDirectory(WORK.resolve("node_modules/@redocly/cli"))) {
            run("npm", "ci", "--no-audit", "--no-fund");
        }
        Result lint = run("npx", "--no-install", "redocly", "lint", "openapi.json", "--format=stylish");

        assertThat(lint.exitCode()).as(lint.output()).isZero();
        assertThat(lint.output()).doesNotContain("warning").contains("Woohoo! Your API description is valid");
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("openapi-lint", ".log");
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .directory(WORK.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new AssertionError(
                    "Node.js and npm are needed on the path (Debian: apt-get install nodejs npm): " + e.getMessage(),
                    e);
        }
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " took over 5 minutes");
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        return new Result(process.exitValue(), output);
    }

    private record Result(int exitCode, String output) {}
}
