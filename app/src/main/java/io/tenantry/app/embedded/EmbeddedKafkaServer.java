package io.tenantry.app.embedded;

import kafka.server.BrokerServer;
import org.apache.kafka.common.utils.Exit;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An in-process single-node Kafka in KRaft mode (spring-kafka-test's broker). Its log lives in a temporary
 * directory: topics start empty when the application starts again. Use a real Kafka
 * ({@code spring.kafka.bootstrap-servers}) for more.
 * <p>
 * Clients connect on a port fixed when the server starts, so that {@link #stopBroker()} and {@link #startBroker()}
 * can take the broker away and bring it back, with its log, where the clients look for it (the controller keeps
 * running meanwhile). Tests use that to show that nothing is lost while Kafka is down.
 */
final class EmbeddedKafkaServer implements AutoCloseable {

    private static final int START_ATTEMPTS = 3;

    private final EmbeddedKafkaKraftBroker broker;
    private final List<Runnable> deleteTemporaryDirectories;

    private EmbeddedKafkaServer(EmbeddedKafkaKraftBroker broker, List<Runnable> deleteTemporaryDirectories) {
        this.broker = broker;
        this.deleteTemporaryDirectories = deleteTemporaryDirectories;
    }

    static EmbeddedKafkaServer start(int partitions) {
        for (int attempt = 1; ; attempt++) {
            try {
                return start(partitions, freePort());
            } catch (EmbeddedStartupException e) {
                // the free port found may have been taken before the broker bound it
                if (attempt == START_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static EmbeddedKafkaServer start(int partitions, int port) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, partitions);
        broker.brokerProperties(Map.of(
                // the test kit's own listeners, but the clients' one on a fixed port (the controller's stays random)
                "listeners", "EXTERNAL://localhost:" + port + ",CONTROLLER://localhost:0",
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
            deletions.forEach(Runnable::run);
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

    /** Takes the broker down as a crash would for its clients: connections refused, the log kept. */
    synchronized void stopBroker() {
        brokers().forEach(BrokerServer::shutdown);
    }

    /** Brings a stopped broker back on its port with its log, and waits until it serves again. */
    synchronized void startBroker() {
        brokers().forEach(BrokerServer::startup);
        try {
            broker.getCluster().waitForReadyBrokers();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("The embedded Kafka broker did not come back", e);
        }
    }

    private List<BrokerServer> brokers() {
        return List.copyOf(broker.getCluster().brokers().values());
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

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the embedded Kafka broker", e);
        }
    }
}
