package io.tenantry.app.provisioning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantry.command.provisioning.ProvisioningRequests;
import io.tenantry.contracts.provisioning.ProvisioningRequest;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The default event connector: each request is one JSON record on {@code tenantry.provisioning.topic} keyed by
 * tenant id (so an orchestrator sees a tenant's requests in order), and {@link #publish} returns only once the broker
 * has stored it. A request that could not be stored throws, and the saga's processor publishes it again later.
 */
class KafkaProvisioningRequests implements ProvisioningRequests {

    private final Producer<String, String> producer;
    private final ObjectMapper json;
    private final String topic;
    private final Duration ackTimeout;

    KafkaProvisioningRequests(Producer<String, String> producer, ObjectMapper json, String topic, Duration ackTimeout) {
        this.producer = producer;
        this.json = json;
        this.topic = topic;
        this.ackTimeout = ackTimeout;
    }

    @Override
    public void publish(ProvisioningRequest request) {
        String value;
        try {
            value = json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A provisioning request could not be written as JSON", e);
        }
        try {
            RecordMetadata stored = producer.send(new ProducerRecord<>(topic, request.tenantId(), value))
                    .get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (stored == null) {
                throw new ProvisioningConnectorException("Kafka did not acknowledge the provisioning request", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProvisioningConnectorException("Interrupted while publishing a provisioning request", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new ProvisioningConnectorException(
                    "Kafka did not store the provisioning request for tenant " + request.tenantId() + " on " + topic
                            + ": " + (e.getCause() == null ? e : e.getCause()),
                    e);
        }
    }

    /** The request is not stored; publishing it again later is safe (it carries its attempt's context id). */
    static class ProvisioningConnectorException extends RuntimeException {
        ProvisioningConnectorException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
