package io.tenantry.bench;

import java.util.concurrent.TimeUnit;

/**
 * A tenant one load client created and alone writes to: what the client knows of it, so its next command is one the
 * app accepts (members under the plan's limit, a plan change to another plan, after its subscription exists).
 */
public final class OwnTenant {

    public final String id;
    public int members = 1;
    public String plan = "team";
    public boolean subscriptionReady;
    private final long createdAt = System.nanoTime();

    public OwnTenant(String id) {
        this.id = id;
    }

    /** Whether it is worth asking for the subscription: not known to exist yet, and the tenant is 2 s old. */
    public boolean probeSubscription() {
        return !subscriptionReady && System.nanoTime() - createdAt > TimeUnit.SECONDS.toNanos(2);
    }
}
