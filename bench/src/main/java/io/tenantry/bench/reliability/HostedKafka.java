package io.tenantry.bench.reliability;

import kafka.server.BrokerServer;
import org.apache.kafka.common.utils.Exit;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A single-node KRaft Kafka (spring-kafka-test's broker) run by the driver, as the app's embedded default does it:
 * the clients' listener on a fixed port, so {@link #stopBroker()} and {@link #startBroker()} take the broker away
 * and bring it back, with its log, where the app looks for it (the controller keeps running meanwhile). The benchmark
 * runs the app against one too, so the app's CPU is the app's alone, not the broker's.
 */
public final class HostedKafka implements AutoCloseable {

    private final EmbeddedKafkaKraftBroker broker;
    private final List<Runnable> deleteTemporaryDirectories;

    private HostedKafka(EmbeddedKafkaKraftBroker broker, List<Runnable> deleteTemporaryDirectories) {
        this.broker = broker;
        this.deleteTemporaryDirectories = deleteTemporaryDirectories;
    }

    public static HostedKafka start(int partitions) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, partitions);
        broker.brokerProperties(Map.of(
                "listeners", "EXTERNAL://localhost:" + port + ",CONTROLLER://localhost:0",
                "auto.create.topics.enable", "true",
                "offsets.topic.num.partitions", "1",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1"));
        // the test kit deletes its log directories in shutdown hooks of its own: run them after the broker stopped
        List<Runnable> deletions = new ArrayList<>();
        Exit.setShutdownHookAdder((name, runnable) -> deletions.add(runnable));
        try {
            broker.afterPropertiesSet();
        } finally {
            Exit.resetShutdownHookAdder();
        }
        return new HostedKafka(broker, deletions);
    }

    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    /** Takes the broker down as a crash would for its clients: connections refused, the log kept. */
    synchronized void stopBroker() {
        brokers().forEach(BrokerServer::shutdown);
    }

    /** Brings the stopped broker back on its port with its log, and waits until it serves again. */
    synchronized void startBroker() throws Exception {
        brokers().forEach(BrokerServer::startup);
        broker.getCluster().waitForReadyBrokers();
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
}
