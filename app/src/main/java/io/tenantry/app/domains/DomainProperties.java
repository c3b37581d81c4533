package io.tenantry.app.domains;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tenantry.domains.*}: how often a verified domain is checked again ({@code reverify-interval}), how soon after
 * a failed check ({@code reverify-retry}) and after how many failures in a row it is unverified
 * ({@code reverify-max-failures}); which DNS resolver answers the lookups ({@code dns.resolver}, {@code host:port},
 * default the system's) and how long a lookup may take; how long the HTTPS check may take to connect and to read.
 */
@ConfigurationProperties("tenantry.domains")
public record DomainProperties(
        Duration reverifyInterval, Duration reverifyRetry, Integer reverifyMaxFailures, Dns dns, Https https) {

    public DomainProperties {
        reverifyInterval = reverifyInterval == null ? Duration.ofHours(24) : reverifyInterval;
        reverifyRetry = reverifyRetry == null ? Duration.ofHours(1) : reverifyRetry;
        reverifyMaxFailures = reverifyMaxFailures == null ? 3 : reverifyMaxFailures;
        dns = dns == null ? new Dns(null, null) : dns;
        https = https == null ? new Https(null, null) : https;
    }

    /** The resolver ({@code host}, {@code host:port} or {@code [v6]:port}; none: the system's) and the time-out. */
    public record Dns(String resolver, Duration timeout) {

        public Dns {
            resolver = resolver == null || resolver.isBlank() ? null : resolver.strip();
            timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
        }
    }

    /** How long the well-known file may take to connect to and to arrive. */
    public record Https(Duration connectTimeout, Duration readTimeout) {

        public Https {
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
            readTimeout = readTimeout == null ? Duration.ofSeconds(5) : readTimeout;
        }
    }
}
