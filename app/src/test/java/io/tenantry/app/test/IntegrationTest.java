package io.tenantry.app.test;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/** Base of the HTTP integration tests: the shared application, and an {@link Api} aimed at it. */
@TenantryIntegrationTest
public abstract class IntegrationTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected Environment environment;

    protected Api api;

    @BeforeEach
    void aimApi() {
        api = newClient();
    }

    /** Another client of the app, from an address of its own (the lead endpoints' rate limits are per address). */
    protected Api newClient() {
        return new Api(port, Path.of(environment.getRequiredProperty("tenantry.data-dir")));
    }

    /** Polls {@code GET path} until it answers 200 with a body the condition accepts (read models are eventual). */
    protected JsonNode awaitRead(String path, String token, Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(50))
                .until(
                        () -> {
                            Api.Response response = api.get(path).bearer(token).send();
                            return response.status() == 200 ? response.json() : null;
                        },
                        body -> body != null && condition.test(body));
    }

    /** A token with role partner-admin and the given permissions. */
    protected String partnerAdmin(String... permissions) {
        return api.token(uniqueUser("partner"), java.util.List.of("partner-admin"), java.util.List.of(permissions));
    }

    /** A slug no other test uses. */
    protected static String uniqueSlug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A user id no other test uses. */
    protected static String uniqueUser(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
