package io.tenantry.orchestrator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;

/**
 * The reference orchestrator on its own: {@code java -jar orchestrator/target/orchestrator-exec.jar} with
 * {@code SPRING_DATASOURCE_URL} (where tenants' resources are built; its user may create roles and databases),
 * {@code SPRING_KAFKA_BOOTSTRAP_SERVERS}, {@code TENANTRY_ORCHESTRATOR_WEBHOOK_URL} and
 * {@code TENANTRY_ORCHESTRATOR_WEBHOOK_SECRET}. Its settings file is {@code orchestrator.yml}.
 */
@SpringBootApplication(exclude = FlywayAutoConfiguration.class)
public class OrchestratorApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(OrchestratorApplication.class);
        application.setDefaultProperties(java.util.Map.of("spring.config.name", "orchestrator"));
        application.run(args);
    }
}
