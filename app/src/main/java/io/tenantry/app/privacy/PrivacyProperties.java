package io.tenantry.app.privacy;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * {@code tenantry.privacy.*}: the root secret personal-data protection derives its keys from (inline base64, or a
 * file holding it), and how long subject keys stay cached (the longest another node may still decrypt an erased
 * person's data).
 */
@ConfigurationProperties("tenantry.privacy")
public record PrivacyProperties(String secret, Resource secretLocation, Duration keyCacheTtl, Integer keyCacheSize) {

    public PrivacyProperties {
        keyCacheTtl = keyCacheTtl == null ? Duration.ofSeconds(60) : keyCacheTtl;
        keyCacheSize = keyCacheSize == null ? 10_000 : keyCacheSize;
    }
}
