package io.tenantry.app.test;

/** The properties of {@link TenantryIntegrationTest}, also for tests that start an application themselves. */
public final class TestProperties {

    public static final String EPHEMERAL = "tenantry.embedded.mode=ephemeral";
    public static final String DATABASE_URL = "spring.datasource.url=${TENANTRY_TEST_DATABASE_URL:}";
    public static final String DATABASE_USERNAME =
            "spring.datasource.username=${TENANTRY_TEST_DATABASE_USERNAME:postgres}";
    public static final String DATABASE_PASSWORD = "spring.datasource.password=${TENANTRY_TEST_DATABASE_PASSWORD:}";
    public static final String KAFKA = "spring.kafka.bootstrap-servers=${TENANTRY_TEST_KAFKA_BOOTSTRAP_SERVERS:}";
    public static final String DEV_KEYS = "tenantry.security.generate-dev-keys=true";
    /** Tests stand for many clients from one address: {@link Api} gives each test its own X-Forwarded-For. */
    public static final String FORWARDED = "server.forward-headers-strategy=framework";
    /** Subscriptions are snapshotted often in tests, so loading from snapshots is what every billing test exercises. */
    public static final String SNAPSHOTS = "tenantry.axon.subscription-snapshot-every=5";

    /** The orchestrator's webhook secret, which {@link ProvisioningOrchestrator} signs with. */
    public static final String PROVISIONING_SECRET =
            "tenantry.provisioning.webhook-secret=" + ProvisioningOrchestrator.SECRET;
    /**
     * Tenants are provisioned when a test asks ({@code POST /api/tenants/{id}/provision}), not on creation: most tests
     * have no orchestrator to answer, and a tenant waiting for one could not be restored. (The automatic start is the
     * saga's, covered by ProvisioningSagaTest.)
     */
    public static final String PROVISION_ON_REQUEST = "tenantry.provisioning.auto-start=false";

    /** Tests answer provisioning requests themselves ({@link ProvisioningOrchestrator}), not the in-process one. */
    public static final String NO_ORCHESTRATOR = "tenantry.orchestrator.enabled=false";

    /**
     * Tenant API keys: a revocation shows within half a second, a use within a fifth; a key's burst of 200 requests
     * refills at 10 a second, so a test can exceed it and no ordinary test does.
     */
    public static final String API_KEY_CACHE = "tenantry.api-keys.cache=500ms";

    public static final String API_KEY_FLUSH = "tenantry.api-keys.last-used-flush=200ms";
    public static final String API_KEY_RATE = "tenantry.api-keys.rate-limit=200";
    public static final String API_KEY_RATE_PERIOD = "tenantry.api-keys.rate-period=20s";

    /**
     * Webhooks go to receivers on loopback over http; retries, giving up, disabling and time-outs take seconds, not
     * days; the sender looks for due deliveries often.
     */
    public static final String WEBHOOKS_PRIVATE = "tenantry.webhooks.allow-private=true";

    public static final String WEBHOOKS_RETRY = "tenantry.webhooks.retry-initial-interval=100ms";
    public static final String WEBHOOKS_RETRY_MAX = "tenantry.webhooks.retry-max-interval=400ms";
    public static final String WEBHOOKS_GIVE_UP = "tenantry.webhooks.give-up-after=3s";
    public static final String WEBHOOKS_DISABLE = "tenantry.webhooks.disable-after=5s";
    public static final String WEBHOOKS_TIMEOUT = "tenantry.webhooks.timeout=2s";
    public static final String WEBHOOKS_LEASE = "tenantry.webhooks.lease=5s";
    public static final String WEBHOOKS_POLL = "tenantry.webhooks.poll-interval=50ms";

    public static final String[] ALL = {
        EPHEMERAL,
        DATABASE_URL,
        DATABASE_USERNAME,
        DATABASE_PASSWORD,
        KAFKA,
        DEV_KEYS,
        FORWARDED,
        SNAPSHOTS,
        PROVISIONING_SECRET,
        PROVISION_ON_REQUEST,
        NO_ORCHESTRATOR,
        API_KEY_CACHE,
        API_KEY_FLUSH,
        API_KEY_RATE,
        API_KEY_RATE_PERIOD,
        WEBHOOKS_PRIVATE,
        WEBHOOKS_RETRY,
        WEBHOOKS_RETRY_MAX,
        WEBHOOKS_GIVE_UP,
        WEBHOOKS_DISABLE,
        WEBHOOKS_TIMEOUT,
        WEBHOOKS_LEASE,
        WEBHOOKS_POLL
    };

    private TestProperties() {}
}
