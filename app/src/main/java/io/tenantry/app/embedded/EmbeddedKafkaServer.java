package io.tenantry.app.embedded;

import org.apache.kafka.common.utils.Exit;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An in-process single-node Kafka in KRaft mode (spring-kafka-test's broker). Its log lives in a temporary
 * directory: topics start empty after a restart. Use a real Kafka ({@code spring.kafka.bootstrap-servers}) for more.
 */
final class EmbeddedKafkaServer implements AutoCloseable {

    private final EmbeddedKafkaKraftBroker broker;
    private final List<Runnable> deleteTemporaryDirectories;

    private EmbeddedKafkaServer(EmbeddedKafkaKraftBroker broker, List<Runnable> deleteTemporaryDirectories) {
        this.broker = broker;
        this.deleteTemporaryDirectories = deleteTemporaryDirectories;
    }

    static EmbeddedKafkaServer start(int partitions) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, partitions);
        broker.brokerProperties(Map.of(
                "auto.create.topics.enable", "true",
                "offsets.topic.num.partitions", "1",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1"));
        // Kafka's test kit deletes its log directories in JVM shutdown hooks of its own, which race the broker's
        // shutdown and log errors; collect those deletions and run them once the broker has stopped.
        List<Runnable> deletions = new ArrayList<>();
        Exit.setShutdownHookAdder((name, runnable) -> deletions.add(runnable));
        try {
            broker.afterPropertiesSet();
        } catch (RuntimeException | LinkageError e) {
            try {
                broker.destroy();
            } catch (RuntimeException | LinkageError cleanupFailure) {
                e.addSuppressed(cleanupFailure);
            }
            throw new EmbeddedStartupException("The embedded Kafka broker could not start: " + e.getMessage(),
                    "Run against your own Kafka: set SPRING_KAFKA_BOOTSTRAP_SERVERS.", e);
        } finally {
            Exit.resetShutdownHookAdder();
        }
        return new EmbeddedKafkaServer(broker, deletions);
    }

    String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    @Override
    public void close() {
        try {
            broker.destroy();
        } finally {
            deleteTemporaryDirectories.forEach(Runnable::run);
        }
    }

    @Override
    public String toString() {
        return "embedded Kafka at " + broker.getBrokersAsString();
    }
}
