package io.tenantry.command.webhook;

import io.tenantry.contracts.DomainRefusal;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * What a webhook endpoint's address may be: {@code https} with a host name or a public IP address; with {@code
 * allowPrivate} (a receiver on the same machine or network: tests, benchmarks) also {@code http} and private
 * addresses. A name's addresses are checked again at every connection, after DNS resolution (the sender's).
 * Answers 422 {@code invalid_webhook_url} otherwise; resolves no name.
 */
public final class WebhookUrlPolicy {

    public static final int MAX_LENGTH = 2048;

    private final boolean allowPrivate;

    public WebhookUrlPolicy(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    public boolean allowPrivate() {
        return allowPrivate;
    }

    /** The address, trimmed, or a refusal. */
    public String valid(String url) {
        String candidate = url == null ? "" : url.strip();
        if (candidate.isEmpty() || candidate.length() > MAX_LENGTH) {
            throw refused("A webhook needs a URL of at most " + MAX_LENGTH + " characters.");
        }
        URI uri;
        try {
            uri = new URI(candidate);
        } catch (URISyntaxException e) {
            throw refused("\"" + candidate + "\" is no URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowPrivate && scheme.equals("http"))) {
            throw refused("A webhook's URL uses https.");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw refused("A webhook's URL names a host.");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw refused("A webhook's URL carries no user information and no fragment.");
        }
        if (!allowPrivate && isLiteralAddress(host) && !PublicAddresses.isPublic(literal(host))) {
            throw refused("A webhook's URL may not point at a private, loopback or link-local address.");
        }
        if (!allowPrivate
                && (host.equalsIgnoreCase("localhost")
                        || host.toLowerCase(Locale.ROOT).endsWith(".localhost"))) {
            throw refused("A webhook's URL may not point at this machine.");
        }
        return candidate;
    }

    private static boolean isLiteralAddress(String host) {
        return host.startsWith("[") || host.matches("[0-9.]+");
    }

    private static InetAddress literal(String host) {
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        try {
            // a literal: parsed, never looked up
            return InetAddress.getByName(bare);
        } catch (java.net.UnknownHostException e) {
            throw refused("\"" + host + "\" is no address.");
        }
    }

    private static DomainRefusal refused(String message) {
        return new DomainRefusal(DomainRefusal.Kind.UNPROCESSABLE, "invalid_webhook_url", message);
    }
}
