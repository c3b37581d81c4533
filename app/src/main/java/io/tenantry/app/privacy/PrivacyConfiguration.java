package io.tenantry.app.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantry.contracts.privacy.SubjectFingerprints;
import org.axonframework.serialization.Serializer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Personal-data protection: the privacy secret, subject fingerprints, subject keys and the serializer decorator. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PrivacyProperties.class)
public class PrivacyConfiguration {

    @Bean
    PrivacySecret privacySecret(PrivacyProperties properties) {
        return PrivacySecret.from(properties);
    }

    @Bean
    SubjectFingerprints subjectFingerprints(PrivacySecret secret) {
        return new HmacSubjectFingerprints(secret);
    }

    @Bean
    SubjectKeyStore subjectKeyStore(JdbcTemplate jdbc, PrivacySecret secret, PrivacyProperties properties) {
        return new SubjectKeyStore(jdbc, secret, properties);
    }

    @Bean
    PersonalDataProtector personalDataProtector(SubjectKeyStore keys, SubjectFingerprints fingerprints) {
        return new PersonalDataProtector(keys, fingerprints);
    }

    /** Wraps Axon's serializer so that everything it writes keeps personal data encrypted. */
    public static Serializer protecting(
            Serializer jackson, ObjectMapper objectMapper, PersonalDataProtector protector) {
        return new PersonalDataSerializer(jackson, objectMapper, protector);
    }
}
