package io.tenantry.app.embedded;

import io.tenantry.kafka.KraftBroker;
import io.tenantry.kafka.PersistentKraftBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.StringUtils;

/**
 * The embedded default. Before the application context exists, starts what the configuration does not name:
 * a PostgreSQL 17 when {@code spring.datasource.url} is unset (data under {@code tenantry.data-dir}), a KRaft Kafka
 * broker when {@code spring.kafka.bootstrap-servers} is unset, and, when the database is the embedded one, a
 * development
 * JWT key pair and privacy secret unless those are configured. With a configured database it refuses to start
 * without them, naming each missing one.
 * <p>
 * {@code tenantry.embedded.mode=ephemeral} (tests) puts everything in a throw-away directory, shared by every context
 * of the JVM and deleted at exit.
 */
public class EmbeddedInfrastructure implements EnvironmentPostProcessor, Ordered {

    public static final String PROPERTY_SOURCE = "tenantryEmbedded";
    /** Lines saying what was started; read by the ready banner. */
    public static final String SUMMARY_PROPERTY = "tenantry.embedded.summary";

    static final String DATA_DIR = "tenantry.data-dir";
    static final String DEFAULT_DATA_DIR = "./tenantry-data";
    private static final String JWT = "spring.security.oauth2.resourceserver.jwt.";
    private static final String ORCHESTRATOR_ENABLED = "tenantry.orchestrator.enabled";
    private static final String WEBHOOK_SECRET = "tenantry.provisioning.webhook-secret";

    private static Path ephemeralDirectory;

    private final Log log;

    public EmbeddedInfrastructure(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(EmbeddedInfrastructure.class);
    }

    @Override
    public int getOrder() {
        // after the configuration files and the environment variables are in
        return Ordered.LOWEST_PRECEDENCE - 10;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(PROPERTY_SOURCE)) {
            return;
        }
        boolean enabled = environment.getProperty("tenantry.embedded.enabled", Boolean.class, true);
        boolean ephemeral =
                "ephemeral".equalsIgnoreCase(environment.getProperty("tenantry.embedded.mode", "persistent"));
        Path dataDir = ephemeral
                ? ephemeralDirectory()
                : Path.of(environment.getProperty(DATA_DIR, DEFAULT_DATA_DIR))
                        .toAbsolutePath()
                        .normalize();

        Map<String, Object> properties = new LinkedHashMap<>();
        List<SharedServers.Lease<?>> leases = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        properties.put(DATA_DIR, dataDir.toString());
        boolean embeddedDatabase = enabled && !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
        try {
            if (embeddedDatabase) {
                Path postgresDir = dataDir.resolve("postgres");
                int port = environment.getProperty("tenantry.embedded.postgres-port", Integer.class, 0);
                SharedServers.Lease<EmbeddedPostgresServer> postgres = SharedServers.acquire(
                        "postgres:" + postgresDir, () -> EmbeddedPostgresServer.start(postgresDir, port, !ephemeral));
                leases.add(postgres);
                properties.put("spring.datasource.url", postgres.server().jdbcUrl());
                properties.put("spring.datasource.username", EmbeddedPostgresServer.USER);
                properties.put("spring.datasource.password", "");
                summary.add("embedded PostgreSQL 17 at " + postgres.server().jdbcUrl() + " (user postgres), data in "
                        + postgresDir);
            }
            if (enabled && !StringUtils.hasText(environment.getProperty("spring.kafka.bootstrap-servers"))) {
                int partitions = environment.getProperty("tenantry.embedded.kafka-partitions", Integer.class, 3);
                String bootstrapServers;
                if (ephemeral) {
                    // tests: a throw-away log, and a broker they can take away and bring back (EmbeddedKafkaOutage)
                    SharedServers.Lease<KraftBroker> kafka =
                            SharedServers.acquire(kafkaKey(dataDir), () -> startKafka(partitions));
                    leases.add(kafka);
                    bootstrapServers = kafka.server().bootstrapServers();
                    summary.add("embedded Kafka (KRaft) at " + bootstrapServers);
                } else {
                    // the log under the data directory and a stable port: a consumer set up once keeps reading
                    int wanted = environment.getProperty("tenantry.embedded.kafka-port", Integer.class, 9092);
                    int port = PersistentKraftBroker.portOr(wanted);
                    Path kafkaDir = dataDir.resolve("kafka");
                    SharedServers.Lease<PersistentKraftBroker> kafka = SharedServers.acquire(
                            kafkaKey(dataDir), () -> startPersistentKafka(kafkaDir, port, partitions));
                    leases.add(kafka);
                    bootstrapServers = kafka.server().bootstrapServers();
                    summary.add("embedded Kafka (KRaft) at " + bootstrapServers + ", log in " + kafkaDir
                            + (port == wanted || wanted == 0
                                    ? ""
                                    : " (port " + wanted + " was taken: set tenantry.embedded.kafka-port)"));
                }
                properties.put("spring.kafka.bootstrap-servers", bootstrapServers);
            }
            boolean devSecretsAllowed = embeddedDatabase
                    || environment.getProperty("tenantry.security.generate-dev-keys", Boolean.class, false);
            List<String> missing = new ArrayList<>();
            List<String> fixes = new ArrayList<>();
            if (!jwtKeyConfigured(environment)) {
                missing.add("a key to verify JWTs");
                fixes.add("set SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_PUBLIC_KEY_LOCATION (for example "
                        + "file:/etc/tenantry/jwt-public.pem, an RSA public key in PEM) or "
                        + "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI (your identity provider's JWKS)");
                if (devSecretsAllowed) {
                    Path publicKey = DevJwtKeys.ensure(dataDir);
                    properties.put(
                            JWT + "public-key-location", publicKey.toUri().toString());
                    summary.add("development JWT keys in " + publicKey.getParent()
                            + " (make a token: java -jar app/target/tenantry.jar token --sub alice"
                            + " --roles partner-admin"
                            + " --permissions tenant:create" + (ephemeral ? "" : " --data-dir " + dataDir) + ")");
                }
            }
            if (!privacySecretConfigured(environment)) {
                missing.add("the privacy secret that protects personal data");
                fixes.add("set TENANTRY_PRIVACY_SECRET (32 random bytes in base64, e.g. `openssl rand -base64 32`) or "
                        + "TENANTRY_PRIVACY_SECRET_LOCATION (a file holding it), and keep it apart from database "
                        + "backups: without it personal data is unreadable");
                if (devSecretsAllowed) {
                    Path secret = DevPrivacySecret.ensure(dataDir);
                    properties.put(
                            "tenantry.privacy.secret-location", secret.toUri().toString());
                    summary.add("development privacy secret in " + secret);
                }
            }
            if (embeddedDatabase) {
                inProcessOrchestrator(environment, dataDir, properties, summary);
            }
            if (!missing.isEmpty() && !devSecretsAllowed) {
                throw new EmbeddedStartupException(
                        "A database is configured (spring.datasource.url) but not " + String.join(", nor ", missing)
                                + ": Tenantry will not serve an API it cannot authenticate, nor store personal data "
                                + "it cannot protect.",
                        String.join(";\n", fixes) + ".\nFor development only, TENANTRY_SECURITY_GENERATE_DEV_KEYS=true"
                                + " generates them under the data directory (java -jar app/target/tenantry.jar keys"
                                + " --data-dir <dir> makes them ahead of time).",
                        null);
            }
        } catch (RuntimeException e) {
            leases.forEach(SharedServers.Lease::release);
            throw e;
        }
        properties.put(SUMMARY_PROPERTY, String.join("\n", summary));
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
        summary.forEach(line -> log.info("Started " + line));
        if (!leases.isEmpty()) {
            application.addInitializers(new ReleaseOnClose(leases));
        }
    }

    /**
     * The reference orchestrator runs in this process on the embedded default, so that a tenant becomes ACTIVE with
     * nothing else started ({@code tenantry.orchestrator.enabled=false} turns it off). Unless
     * {@code tenantry.provisioning.webhook-secret} is set, a development webhook secret under the data directory signs
     * its answers (and those of an orchestrator run beside the app, given the same file).
     */
    private static void inProcessOrchestrator(
            ConfigurableEnvironment environment, Path dataDir, Map<String, Object> properties, List<String> summary) {
        if (!StringUtils.hasText(environment.getProperty(WEBHOOK_SECRET))) {
            Path secret = DevSecrets.ensure(dataDir.resolve("provisioning"), "webhook-secret", "webhook secret");
            properties.put(WEBHOOK_SECRET, DevSecrets.read(secret));
            summary.add("development provisioning webhook secret in " + secret);
        }
        if (environment.getProperty(ORCHESTRATOR_ENABLED) == null) {
            properties.put(ORCHESTRATOR_ENABLED, "true");
        }
        if (environment.getProperty(ORCHESTRATOR_ENABLED, Boolean.class, true)) {
            summary.add("the reference orchestrator in this process: tenants' resources in the embedded PostgreSQL "
                    + "(tenantry.orchestrator.enabled=false turns it off)");
        }
    }

    /** Under which key {@link SharedServers} holds the embedded Kafka of a data directory. */
    private static KraftBroker startKafka(int partitions) {
        try {
            return KraftBroker.start(partitions);
        } catch (IllegalStateException e) {
            throw new EmbeddedStartupException(
                    e.getMessage(), "Run against your own Kafka: set SPRING_KAFKA_BOOTSTRAP_SERVERS.", e);
        }
    }

    private static PersistentKraftBroker startPersistentKafka(Path logDirectory, int port, int partitions) {
        try {
            return PersistentKraftBroker.start(logDirectory, port, partitions);
        } catch (IllegalStateException e) {
            throw new EmbeddedStartupException(
                    e.getMessage(),
                    "Free the port or set tenantry.embedded.kafka-port, or run against your own Kafka: set "
                            + "SPRING_KAFKA_BOOTSTRAP_SERVERS.",
                    e);
        }
    }

    static String kafkaKey(Path dataDir) {
        return "kafka:" + dataDir;
    }

    private static boolean privacySecretConfigured(ConfigurableEnvironment environment) {
        return StringUtils.hasText(environment.getProperty("tenantry.privacy.secret"))
                || StringUtils.hasText(environment.getProperty("tenantry.privacy.secret-location"));
    }

    private static boolean jwtKeyConfigured(ConfigurableEnvironment environment) {
        return StringUtils.hasText(environment.getProperty(JWT + "public-key-location"))
                || StringUtils.hasText(environment.getProperty(JWT + "jwk-set-uri"))
                || StringUtils.hasText(environment.getProperty(JWT + "issuer-uri"));
    }

    private static synchronized Path ephemeralDirectory() {
        if (ephemeralDirectory == null) {
            try {
                Path directory = Files.createTempDirectory("tenantry-");
                ephemeralDirectory = directory;
                SharedServers.atJvmExit(() -> {
                    try {
                        FileSystemUtils.deleteRecursively(directory);
                    } catch (IOException e) {
                        System.err.println("Tenantry: could not delete " + directory + ": " + e);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException("Could not create a temporary data directory", e);
            }
        }
        return ephemeralDirectory;
    }

    /** Gives the servers back when the context closes: after every other bean, since it is registered first. */
    private record ReleaseOnClose(List<SharedServers.Lease<?>> leases)
            implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            if (context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
                registry.registerDisposableBean(
                        "tenantryEmbeddedServers", () -> leases.forEach(SharedServers.Lease::release));
            } else {
                context.addApplicationListener(event -> {
                    if (event instanceof org.springframework.context.event.ContextClosedEvent) {
                        leases.forEach(SharedServers.Lease::release);
                    }
                });
            }
        }
    }
}
