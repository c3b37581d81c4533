package io.tenantry.projections.audit;

import io.tenantry.projections.lifecycle.LifecycleProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audit trail's reading of events, shared by the audit log's projection and the webhooks' audit stream. */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    @Bean
    AuditTrail auditTrail(LifecycleProperties lifecycle) {
        return new AuditTrail(lifecycle.source());
    }
}
