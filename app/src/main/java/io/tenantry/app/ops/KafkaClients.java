package io.tenantry.app.ops;

import java.util.Map;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class KafkaClients {

    /** One long-lived admin client for health checks; it reconnects by itself when the broker comes back. */
    @Bean(destroyMethod = "close")
    AdminClient tenantryKafkaAdminClient(KafkaProperties properties) {
        Map<String, Object> config = properties.buildAdminProperties(null);
        config.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        config.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        config.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "tenantry-health");
        return AdminClient.create(config);
    }
}
