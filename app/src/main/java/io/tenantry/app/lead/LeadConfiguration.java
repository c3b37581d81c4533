package io.tenantry.app.lead;

import io.tenantry.app.mail.MailTransport;
import io.tenantry.app.privacy.PrivacySecret;
import io.tenantry.command.lead.LeadMailer;
import io.tenantry.command.lead.LeadPolicy;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Lead onboarding's wiring: its policy, its verification mail, its tokens. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LeadProperties.class)
class LeadConfiguration {

    @Bean
    LeadPolicy leadPolicy(LeadProperties properties) {
        return new LeadPolicy(properties.codeTtl(), properties.tokenTtl(), properties.maxAttempts());
    }

    @Bean
    LeadMailer leadMailer(LeadProperties properties, MailTransport transport) {
        return new VerificationMail(properties, transport);
    }

    @Bean
    HmacLeadTokens leadTokens(PrivacySecret secret, LeadProperties properties) {
        return new HmacLeadTokens(secret.derivedKey("tenantry lead token v1", "HmacSHA256"), properties.tokenTtl());
    }
}
