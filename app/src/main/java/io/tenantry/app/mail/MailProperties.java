package io.tenantry.app.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code tenantry.mail.*}: who Tenantry's mails come from. The server itself is {@code spring.mail.*}. */
@ConfigurationProperties("tenantry.mail")
public record MailProperties(String from) {

    public MailProperties {
        from = from == null || from.isBlank() ? "Tenantry <no-reply@tenantry.local>" : from;
    }
}
