package io.tenantry.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kafka.server.BrokerServer;
import org.apache.kafka.common.utils.Exit;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A single-node Kafka in KRaft mode in this JVM (spring-kafka-test's broker), its log in a temporary directory.
 * <p>
 * Clients connect on a port fixed when the broker starts, so {@link #stopBroker()} and {@link #startBroker()} take
 * the broker away and bring it back, with its log, where the clients look for it (the controller keeps running
 * meanwhile): a Kafka outage on purpose.
 */
public final class KraftBroker implements AutoCloseable {

    private static final int START_ATTEMPTS = 3;

    private final EmbeddedKafkaKraftBroker broker;
    private final List<Runnable> deleteTemporaryDirectories;

    private KraftBroker(EmbeddedKafkaKraftBroker broker, List<Runnable> deleteTemporaryDirectories) {
        this.broker = broker;
        this.deleteTemporaryDirectories = deleteTemporaryDirectories;
    }

    /**
     * Starts a broker whose topics get {@code partitions} partitions unless they say otherwise.
     *
     * @throws IllegalStateException when it cannot start (after trying three free ports)
     */
    public static KraftBroker start(int partitions) {
        for (int attempt = 1; ; attempt++) {
            try {
                return start(partitions, freePort());
            } catch (IllegalStateException e) {
                // the free port found may have been taken before the broker bound it
                if (attempt == START_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static KraftBroker start(int partitions, int port) {
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
            throw new IllegalStateException("The Kafka broker could not start: " + e.getMessage(), e);
        } finally {
            Exit.resetShutdownHookAdder();
        }
        return new KraftBroker(broker, deletions);
    }

    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    /** Takes the broker down as a crash would for its clients: connections refused, the log kept. */
    public synchronized void stopBroker() {
        brokers().forEach(BrokerServer::shutdown);
    }

    /** Brings a stopped broker back on its port with its log, and waits until it serves again. */
    public synchronized void startBroker() {
        brokers().forEach(BrokerServer::startup);
        try {
            broker.getCluster().waitForReadyBrokers();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("The Kafka broker did not come back", e);
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
        return "Kafka (KRaft, one broker) at " + broker.getBrokersAsString();
    }

    /** A port free on the loopback interface now (it may be taken before it is bound). */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the Kafka broker", e);
        }
    }
}
