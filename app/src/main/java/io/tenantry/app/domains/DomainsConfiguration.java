package io.tenantry.app.domains;

import io.tenantry.command.domains.ChallengeProbe;
import io.tenantry.command.domains.DomainSettings;
import io.tenantry.command.domains.PublicEmailDomains;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Verified e-mail domains: the re-verification settings, the public providers' list, and the DNS and HTTPS probes. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DomainProperties.class)
class DomainsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DomainsConfiguration.class);

    @Bean
    DomainSettings domainSettings(DomainProperties properties) {
        return new DomainSettings(
                properties.reverifyInterval(), properties.reverifyRetry(), properties.reverifyMaxFailures());
    }

    @Bean
    PublicEmailDomains publicEmailDomains() {
        return PublicEmailDomains.load();
    }

    @Bean
    DnsLookups domainDnsLookups(DomainProperties properties) {
        return DnsLookups.of(properties.dns().resolver(), properties.dns().timeout());
    }

    @Bean
    ChallengeProbe dnsTxtProbe(DnsLookups dns) {
        return new DnsTxtProbe(dns);
    }

    @Bean
    ChallengeProbe wellKnownFileProbe(
            DnsLookups dns, DomainProperties properties, ObjectProvider<WellKnownFileAim> aims) {
        WellKnownFileAim aim = aims.getIfAvailable(WellKnownFileAim::standard);
        if (!aim.isStandard()) {
            log.warn(
                    "Domain verification over HTTPS fetches from port {} with a trust of its own{}: a test set-up,"
                            + " never one for production",
                    aim.port(),
                    aim.allowPrivateAddresses() ? ", private addresses allowed" : "");
        }
        return new WellKnownFileProbe(dns, properties.https(), aim);
    }
}
