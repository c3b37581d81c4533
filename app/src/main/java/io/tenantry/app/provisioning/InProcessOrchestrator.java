package io.tenantry.app.provisioning;

import io.tenantry.orchestrator.OrchestratorConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The reference orchestrator inside this process ({@code tenantry.orchestrator.enabled}, on by default on the
 * embedded default): it reads the provisioning topic and answers on this app's own webhook over HTTP, exactly as the
 * orchestrator does when it runs on its own, and builds tenants' resources in this app's database.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "tenantry.orchestrator.enabled", havingValue = "true")
@Import(OrchestratorConfiguration.class)
class InProcessOrchestrator {}
