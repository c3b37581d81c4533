package io.tenantry.command.subscription;

import io.tenantry.contracts.Caller;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.plan.Plan;
import io.tenantry.contracts.plan.PlanCatalogue;
import io.tenantry.contracts.subscription.BillingLink;
import io.tenantry.contracts.subscription.BillingMode;
import io.tenantry.contracts.subscription.BillingPosition;
import io.tenantry.contracts.subscription.DescribeBillingCommand;
import io.tenantry.contracts.subscription.PlanChangePreview;
import io.tenantry.contracts.subscription.SubscriptionIds;
import io.tenantry.contracts.tenant.AuthorizeBillingCommand;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/**
 * What moving a tenant to another plan would cost at an instant, changing nothing. The tenant checks the caller as for
 * billing (an OWNER or partner-admin), the subscription says where its billing stands, and then:
 * <ul>
 * <li>billing runs locally: {@link Proration} prices the change, as the subscription will invoice it;</li>
 * <li>a Stripe subscription, to a plan with a Stripe price: Stripe previews its next invoice with the change's
 * prorations (a proration date Stripe refuses is 400 {@code invalid_preview_instant});</li>
 * <li>a Stripe subscription, to a plan without one: the subscription would be canceled at once without proration, so
 * nothing is credited or charged;</li>
 * <li>no Stripe subscription, to a plan with a Stripe price: a new Stripe subscription, invoiced at once for a full
 * period from {@code at};</li>
 * <li>no Stripe subscription, to a plan without one: billed nowhere, nothing.</li>
 * </ul>
 * Unless Stripe judges it, {@code at} must fall in the current plan's current period and not before the plan took
 * effect (else 400 {@code invalid_preview_instant}). The aggregates are asked before Stripe, so a slow Stripe holds no
 * lock, and nothing is recorded.
 */
@Component
public class PlanChangePreviews {

    private final CommandGateway commands;
    private final BillingGateway billing;
    private final PlanCatalogue plans;
    private final Clock clock;

    PlanChangePreviews(CommandGateway commands, BillingGateway billing, PlanCatalogue plans) {
        this.commands = commands;
        this.billing = billing;
        this.plans = plans;
        this.clock = Clock.systemUTC();
    }

    /** The preview of moving the tenant to {@code planId} at {@code at} (now when null). */
    public PlanChangePreview preview(String tenantId, String planId, Instant at, Caller caller) {
        try {
            commands.sendAndWait(new AuthorizeBillingCommand(tenantId, caller));
        } catch (AggregateNotFoundException e) {
            throw DomainRefusal.notFound("tenant_not_found", "No tenant with id " + tenantId + ".");
        }
        Plan to = plans.known(planId);
        BillingPosition position;
        try {
            position = commands.sendAndWait(new DescribeBillingCommand(SubscriptionIds.of(tenantId)));
        } catch (AggregateNotFoundException e) {
            throw DomainRefusal.conflict(
                    "subscription_not_ready",
                    "The tenant's subscription is still being set up; try again in a moment.");
        }
        Plan from = plans.planOrDefault(position.planId());
        Instant now = clock.instant();
        Instant when = (at == null ? now : at).truncatedTo(ChronoUnit.SECONDS);
        BillingLink link = position.billing();
        boolean stripe = billing.mode() == BillingMode.STRIPE;
        if (stripe && link != null && link.hasStripeSubscription()) {
            return paid(to)
                    ? billing.previewPlanChange(tenantId, link, from, to, when)
                    : nothing(tenantId, from, to, BillingMode.STRIPE, when);
        }
        requireInCurrentPeriod(position, from, when, now);
        if (!stripe) {
            return local(tenantId, position, from, to, when);
        }
        return paid(to)
                ? firstStripeInvoice(tenantId, from, to, when)
                : nothing(tenantId, from, to, BillingMode.LOCAL, when);
    }

    private static PlanChangePreview local(
            String tenantId, BillingPosition position, Plan from, Plan to, Instant when) {
        Proration.Quote quote = Proration.quote(position.startedAt(), from, to, when);
        return new PlanChangePreview(
                tenantId,
                from.id(),
                to.id(),
                BillingMode.LOCAL,
                when,
                quote.currency(),
                quote.period().start(),
                quote.period().end(),
                quote.credit(),
                quote.charge(),
                quote.dueNow(),
                quote.creditCarried(),
                quote.nextInvoiceAmount(),
                quote.nextInvoiceAt());
    }

    /** A new Stripe subscription is invoiced for its first period at once; the plan before it was billed nowhere. */
    private static PlanChangePreview firstStripeInvoice(String tenantId, Plan from, Plan to, Instant when) {
        long price = to.priceInMinorUnits();
        Proration.Period period = Proration.periodAt(when, to.interval(), when);
        return new PlanChangePreview(
                tenantId,
                from.id(),
                to.id(),
                BillingMode.STRIPE,
                when,
                currency(to),
                period.start(),
                period.end(),
                0,
                price,
                price,
                0,
                price,
                period.end());
    }

    private static PlanChangePreview nothing(String tenantId, Plan from, Plan to, BillingMode mode, Instant when) {
        return new PlanChangePreview(
                tenantId, from.id(), to.id(), mode, when, currency(to), null, null, 0, 0, 0, 0, 0, null);
    }

    /** {@code at} in the current plan's current period, and not before that plan took effect. */
    private static void requireInCurrentPeriod(BillingPosition position, Plan from, Instant when, Instant now) {
        Instant started = position.startedAt();
        Proration.Period current = Proration.periodAt(started, from.interval(), now.isBefore(started) ? started : now);
        Instant since = position.planSince().truncatedTo(ChronoUnit.SECONDS);
        if (!current.contains(when) || when.isBefore(since)) {
            throw new DomainRefusal(
                    DomainRefusal.Kind.INVALID,
                    "invalid_preview_instant",
                    "'at' must fall in the current billing period, from " + current.start() + " until " + current.end()
                            + ", and not before the current plan took effect at " + since + ".",
                    Map.of(
                            "periodStart",
                            current.start().toString(),
                            "periodEnd",
                            current.end().toString(),
                            "planSince",
                            since.toString()));
        }
    }

    private static boolean paid(Plan plan) {
        return plan.stripePriceId() != null && !plan.stripePriceId().isBlank();
    }

    private static String currency(Plan plan) {
        return plan.currency().toUpperCase(Locale.ROOT);
    }
}
