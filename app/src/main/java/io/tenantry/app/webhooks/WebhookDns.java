package io.tenantry.app.webhooks;

import io.tenantry.command.webhook.PublicAddresses;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import okhttp3.Dns;

/**
 * The webhook sender's resolver: the system's, keeping only public addresses (unless private ones are allowed), so
 * the address connected to is the address checked, whatever a name resolves to by the time of the call (a DNS
 * rebind included). A literal address in the URL passes through here too.
 */
final class WebhookDns implements Dns {

    private final Dns resolver;
    private final boolean allowPrivate;

    WebhookDns(Dns resolver, boolean allowPrivate) {
        this.resolver = resolver;
        this.allowPrivate = allowPrivate;
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        List<InetAddress> found = resolver.lookup(hostname);
        if (allowPrivate) {
            return found;
        }
        List<InetAddress> usable =
                found.stream().filter(PublicAddresses::isPublic).toList();
        if (usable.isEmpty()) {
            throw new NotPublic(hostname);
        }
        return usable;
    }

    /** The name has no public address: nothing is sent. */
    static final class NotPublic extends UnknownHostException {
        NotPublic(String hostname) {
            super(hostname + " has no public address");
        }
    }
}
