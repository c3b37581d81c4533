package io.tenantry.app.oauth;

import java.util.function.Supplier;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Tenantry's issuer: {@code tenantry.oauth.issuer}, else {@code http://localhost:<port>} (read when first asked: the
 * port is known only once the server runs).
 */
public class OAuthIssuer implements Supplier<String> {

    private final Environment environment;
    private final String configured;
    private volatile String derived;

    public OAuthIssuer(Environment environment, OAuthProperties properties) {
        this.environment = environment;
        this.configured = StringUtils.hasText(properties.issuer()) ? trim(properties.issuer()) : null;
    }

    @Override
    public String get() {
        if (configured != null) {
            return configured;
        }
        if (derived != null) {
            return derived;
        }
        String port = environment.getProperty("local.server.port");
        if (port == null) {
            return "http://localhost:" + environment.getProperty("server.port", "8080");
        }
        String derived = "http://localhost:" + port;
        this.derived = derived; // the server runs: its port stays
        return derived;
    }

    private static String trim(String issuer) {
        return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    }
}
