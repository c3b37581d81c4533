package io.tenantry.app.test;

import io.tenantry.app.TenantryApplication;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A full Tenantry on a random port against a real PostgreSQL and a real Kafka, without Docker: the embedded ones in a
 * throw-away directory, started once per JVM and shared by every test class (one Spring context, so isolate tests by
 * fresh ids). {@code TENANTRY_TEST_DATABASE_URL} (with {@code _USERNAME}, {@code _PASSWORD}) and
 * {@code TENANTRY_TEST_KAFKA_BOOTSTRAP_SERVERS} point the tests at servers of your own instead.
 * <p>
 * Keep this property list identical everywhere: any difference makes Spring start another context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@AutoConfigureObservability
@SpringBootTest(
        classes = TenantryApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            TestProperties.EPHEMERAL,
            TestProperties.DATABASE_URL,
            TestProperties.DATABASE_USERNAME,
            TestProperties.DATABASE_PASSWORD,
            TestProperties.KAFKA,
            TestProperties.DEV_KEYS,
            TestProperties.FORWARDED,
            TestProperties.SNAPSHOTS,
            TestProperties.PROVISIONING_SECRET,
            TestProperties.PROVISION_ON_REQUEST,
            TestProperties.NO_ORCHESTRATOR,
            TestProperties.WEBHOOKS_PRIVATE,
            TestProperties.WEBHOOKS_RETRY,
            TestProperties.WEBHOOKS_RETRY_MAX,
            TestProperties.WEBHOOKS_GIVE_UP,
            TestProperties.WEBHOOKS_DISABLE,
            TestProperties.WEBHOOKS_TIMEOUT,
            TestProperties.WEBHOOKS_LEASE,
            TestProperties.WEBHOOKS_POLL
        })
public @interface TenantryIntegrationTest {}
