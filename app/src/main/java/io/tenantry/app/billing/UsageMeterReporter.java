package io.tenantry.app.billing;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.StripeException;
import com.stripe.net.RequestOptions;
import com.stripe.param.billing.MeterEventCreateParams;
import io.tenantry.app.usage.UsageProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reports usage records to Stripe billing meters from the outbox ({@code usage_meter_outbox}) that usage ingest fills
 * in its own transaction, on a thread of its own: it claims due rows ({@code for update skip locked}, then leased for
 * {@code tenantry.usage.meter-lease}, so two nodes never send a row at once) and sends each as a meter event whose
 * {@code identifier} and idempotency key derive from the tenant and record id, so Stripe counts a row sent twice (a
 * node that died before it could delete it) once. Sent rows are deleted; a failure Stripe may get over (unreachable,
 * a 5xx, a 429) is tried again after an exponential back-off with jitter; a refusal that will never succeed (a 4xx
 * such as an unknown customer or meter, or a timestamp past Stripe's 35 days) is marked failed with its reason and
 * left for an operator ({@code tenantry_usage_meter_events{state="failed"}}).
 */
final class UsageMeterReporter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(UsageMeterReporter.class);
    private static final int ERROR_MAX = 500;

    private static final String CLAIM = """
            update usage_meter_outbox set attempts = attempts + 1, next_attempt_at = ?
            where id in (
                select id from usage_meter_outbox where failed_at is null and next_attempt_at <= ?
                order by next_attempt_at, id limit ? for update skip locked)
            returning id, tenant_id, record_id, event_name, customer_id, value, occurred_at, attempts""";

    private final JdbcTemplate jdbc;
    private final StripeClient stripe;
    private final UsageProperties properties;
    private final Clock clock;
    private volatile Thread thread;
    private volatile boolean running;

    UsageMeterReporter(JdbcTemplate jdbc, StripeClient stripe, UsageProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.stripe = stripe;
        this.properties = properties;
        this.clock = clock;
    }

    /** A claimed row of the outbox. */
    record Pending(
            long id,
            String tenantId,
            String recordId,
            String eventName,
            String customerId,
            long value,
            Instant occurredAt,
            int attempts) {}

    @Override
    public void start() {
        running = true;
        Thread reporter = new Thread(this::run, "usage-meter-reporter");
        reporter.setDaemon(true);
        thread = reporter;
        reporter.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread reporter = thread;
        if (reporter != null) {
            reporter.interrupt();
            try {
                reporter.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            int claimed;
            try {
                claimed = reportDue();
            } catch (RuntimeException e) {
                log.warn("Could not report usage to Stripe's meters: {}", e.getMessage());
                claimed = 0;
            }
            if (claimed == 0) {
                try {
                    Thread.sleep(properties.meterPoll().toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Claims the rows that are due and reports them; answers how many it claimed. */
    int reportDue() {
        Instant now = clock.instant();
        List<Pending> claimed = jdbc.query(
                CLAIM,
                (rs, i) -> new Pending(
                        rs.getLong("id"),
                        rs.getString("tenant_id"),
                        rs.getString("record_id"),
                        rs.getString("event_name"),
                        rs.getString("customer_id"),
                        rs.getLong("value"),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        rs.getInt("attempts")),
                utc(now.plus(properties.meterLease())),
                utc(now),
                properties.meterBatch());
        for (int i = 0; i < claimed.size(); i++) {
            Pending row = claimed.get(i);
            try {
                send(row);
                jdbc.update("delete from usage_meter_outbox where id = ?", row.id());
            } catch (StripeException e) {
                if (refusedForGood(e)) {
                    log.warn(
                            "Stripe refused meter event {} of tenant {} for good: {}",
                            row.recordId(),
                            row.tenantId(),
                            reason(e));
                    jdbc.update(
                            "update usage_meter_outbox set failed_at = ?, last_error = ? where id = ?",
                            utc(clock.instant()),
                            reason(e),
                            row.id());
                    continue;
                }
                Instant retryAt = clock.instant().plus(backOff(row.attempts()));
                jdbc.update(
                        "update usage_meter_outbox set next_attempt_at = ?, last_error = ? where id = ?",
                        utc(retryAt),
                        reason(e),
                        row.id());
                if (e instanceof ApiConnectionException) {
                    // Stripe is out of reach: the others wait for the next round rather than a timeout each
                    List<Long> rest = claimed.subList(i + 1, claimed.size()).stream()
                            .map(Pending::id)
                            .toList();
                    rest.forEach(id -> jdbc.update(
                            "update usage_meter_outbox set next_attempt_at = ? where id = ?", utc(retryAt), id));
                    log.warn("Stripe is out of reach for meter events; trying again at {}: {}", retryAt, reason(e));
                    return claimed.size();
                }
            }
        }
        return claimed.size();
    }

    private void send(Pending row) throws StripeException {
        String identifier = identifier(row.tenantId(), row.recordId());
        stripe.v1()
                .billing()
                .meterEvents()
                .create(
                        MeterEventCreateParams.builder()
                                .setEventName(row.eventName())
                                .setIdentifier(identifier)
                                .setTimestamp(row.occurredAt().getEpochSecond())
                                .putPayload("stripe_customer_id", row.customerId())
                                .putPayload("value", Long.toString(row.value()))
                                .build(),
                        RequestOptions.builder()
                                .setIdempotencyKey("tenantry-meter-" + identifier)
                                .build());
    }

    /**
     * The meter event's identifier of a record: stable, unique per tenant and record id, and within Stripe's 100
     * characters however long the ids.
     */
    static String identifier(String tenantId, String recordId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((tenantId + '\u0000' + recordId).getBytes(StandardCharsets.UTF_8));
            return "tu_" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A 4xx that the same request will get again; not one of bad credentials, a timeout, a conflict or throttling. */
    static boolean refusedForGood(StripeException e) {
        Integer status = e.getStatusCode();
        return status != null
                && status >= 400
                && status < 500
                && status != 401
                && status != 403
                && status != 408
                && status != 409
                && status != 429;
    }

    /** The wait after {@code attempts} failed attempts: doubling from the first, capped, each between half and all. */
    Duration backOff(int attempts) {
        long first = properties.meterRetry().toMillis();
        long max = properties.meterRetryMax().toMillis();
        long full = first << Math.min(Math.max(attempts - 1, 0), 20);
        long capped = Math.min(max, full);
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    private static String reason(StripeException e) {
        String message = e.getStripeError() != null && e.getStripeError().getMessage() != null
                ? e.getStripeError().getMessage()
                : e.getMessage();
        String reason = (e.getStatusCode() == null ? "" : "HTTP " + e.getStatusCode() + ": ") + message;
        return reason.length() > ERROR_MAX ? reason.substring(0, ERROR_MAX) : reason;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
