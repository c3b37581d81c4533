package io.tenantry.app.mail;

import java.nio.file.Path;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.util.StringUtils;

/** SMTP when {@code spring.mail.host} is set; otherwise {@code .eml} files in {@code <data-dir>/outbox/}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
class MailConfiguration {

    @Bean
    MailTransport mailTransport(
            Environment environment, MailProperties properties, ObjectProvider<JavaMailSender> sender) {
        if (StringUtils.hasText(environment.getProperty("spring.mail.host"))) {
            return new SmtpMailTransport(sender.getObject(), properties.from());
        }
        return new OutboxMailTransport(
                Path.of(environment.getRequiredProperty("tenantry.data-dir")).resolve("outbox"), properties.from());
    }
}
