package io.tenantry.app.embedded;

import io.tenantry.kafka.KraftBroker;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.core.env.Environment;

/**
 * For tests: takes the embedded Kafka broker the test context runs on down and brings it back, on the same port and
 * with its log. Every context of the JVM shares that broker: always {@link #end()} an outage that was begun.
 */
public final class EmbeddedKafkaOutage {

    private final KraftBroker server;

    private EmbeddedKafkaOutage(KraftBroker server) {
        this.server = server;
    }

    /** The embedded broker of this context; empty when it runs on a Kafka of its own. */
    public static Optional<EmbeddedKafkaOutage> of(Environment environment) {
        Path dataDir = Path.of(environment.getRequiredProperty(EmbeddedInfrastructure.DATA_DIR));
        return SharedServers.running(EmbeddedInfrastructure.kafkaKey(dataDir), KraftBroker.class)
                .filter(server ->
                        server.bootstrapServers().equals(environment.getProperty("spring.kafka.bootstrap-servers")))
                .map(EmbeddedKafkaOutage::new);
    }

    public void begin() {
        server.stopBroker();
    }

    /** Brings the broker back and waits until it serves. */
    public void end() {
        server.startBroker();
    }
}
