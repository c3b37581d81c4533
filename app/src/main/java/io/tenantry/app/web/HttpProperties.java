package io.tenantry.app.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code tenantry.http.*}: limits on what a request may send. {@code max-body-size} (default 1 MB) bounds every
 * request body, declared or chunked; a bigger one is refused with 413 and is never read past the limit.
 */
@ConfigurationProperties("tenantry.http")
public record HttpProperties(DataSize maxBodySize) {

    public HttpProperties {
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(1) : maxBodySize;
        if (maxBodySize.isNegative()) {
            throw new IllegalArgumentException("tenantry.http.max-body-size must not be negative");
        }
    }
}
