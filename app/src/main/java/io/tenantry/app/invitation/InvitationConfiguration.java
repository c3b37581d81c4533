package io.tenantry.app.invitation;

import io.tenantry.app.mail.MailTransport;
import io.tenantry.command.invitation.InvitationMailer;
import io.tenantry.command.invitation.InvitationPolicy;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Invitations' wiring: how long they last and their e-mail. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InvitationProperties.class)
class InvitationConfiguration {

    @Bean
    InvitationPolicy invitationPolicy(InvitationProperties properties) {
        return new InvitationPolicy(properties.ttl(), properties.maxTtl());
    }

    @Bean
    InvitationMailer invitationMailer(InvitationProperties properties, MailTransport transport) {
        return new InvitationMail(properties, transport);
    }
}
