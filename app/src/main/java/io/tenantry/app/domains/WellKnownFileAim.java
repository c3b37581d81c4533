package io.tenantry.app.domains;

import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Where the HTTPS check fetches the well-known file and whom it trusts: in production port 443, the platform's trust
 * store and public addresses only ({@link #standard()}). No property changes it, so no configuration can weaken it by
 * mistake; only a bean of this type does, which a test registers to fetch from its own HTTPS server on loopback with
 * a certificate of its own (the start-up log says so).
 */
public record WellKnownFileAim(
        int port, SSLSocketFactory socketFactory, X509TrustManager trustManager, boolean allowPrivateAddresses) {

    public static WellKnownFileAim standard() {
        return new WellKnownFileAim(443, null, null, false);
    }

    boolean isStandard() {
        return port == 443 && socketFactory == null && trustManager == null && !allowPrivateAddresses;
    }
}
