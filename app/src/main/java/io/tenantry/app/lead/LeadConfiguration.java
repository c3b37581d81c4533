package io.tenantry.app.lead;

import io.tenantry.app.privacy.PrivacySecret;
import io.tenantry.command.lead.LeadMailer;
import io.tenantry.command.lead.LeadPolicy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.util.StringUtils;

import java.nio.file.Path;

/** Lead onboarding's wiring: its policy, its mailer (SMTP, or files in the outbox), its tokens. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LeadProperties.class)
class LeadConfiguration {

    @Bean
    LeadPolicy leadPolicy(LeadProperties properties) {
        return new LeadPolicy(properties.codeTtl(), properties.tokenTtl(), properties.maxAttempts());
    }

    @Bean
    LeadMailer leadMailer(Environment environment, LeadProperties properties, ObjectProvider<JavaMailSender> sender) {
        VerificationMail mail = new VerificationMail(properties);
        if (StringUtils.hasText(environment.getProperty("spring.mail.host"))) {
            return new SmtpLeadMailer(sender.getObject(), mail);
        }
        return new OutboxLeadMailer(Path.of(environment.getRequiredProperty("tenantry.data-dir")).resolve("outbox"), mail);
    }

    @Bean
    HmacLeadTokens leadTokens(PrivacySecret secret, LeadProperties properties) {
        return new HmacLeadTokens(secret.derivedKey("tenantry lead token v1", "HmacSHA256"), properties.tokenTtl());
    }
}
