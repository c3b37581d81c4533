package io.tenantry.app.test;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

import java.nio.file.Path;
import java.util.UUID;

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
        api = new Api(port, Path.of(environment.getRequiredProperty("tenantry.data-dir")));
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
