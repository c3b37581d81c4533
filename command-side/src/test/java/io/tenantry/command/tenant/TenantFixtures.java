package io.tenantry.command.tenant;

import io.tenantry.contracts.plan.Plan;
import io.tenantry.contracts.plan.PlanCatalogue;
import io.tenantry.contracts.tenant.MemberAddedEvent;
import io.tenantry.contracts.tenant.MemberRole;
import io.tenantry.contracts.tenant.TenantAddress;
import io.tenantry.contracts.tenant.TenantContact;
import io.tenantry.contracts.tenant.TenantCreatedEvent;
import io.tenantry.contracts.tenant.TenantStatus;
import io.tenantry.contracts.tenant.TenantTier;
import io.tenantry.contracts.tenant.TenantView;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Events and matchers the Tenant fixture tests share. */
final class TenantFixtures {

    static final String ID = "tenant-1";
    static final String OWNER = "owner-1";
    static final TenantContact JANE = new TenantContact("Jane Doe", "jane@acme.example", "+31 20 123", true);
    static final TenantContact JOHN = new TenantContact("John Roe", "john@acme.example", null, false);
    static final TenantAddress ADDRESS = new TenantAddress("1 Main St", null, "Springfield", null, "12345", "US");

    /** A small catalogue: the default plan allows 3 members and 1 team; Pro has the feature {@code sso}. */
    static final PlanCatalogue PLANS = new PlanCatalogue(
            List.of(
                    new Plan("free", "Free", java.math.BigDecimal.ZERO, "USD", "month", 3, 1, null),
                    new Plan(
                            "pro",
                            "Pro",
                            new java.math.BigDecimal("49.00"),
                            "USD",
                            "month",
                            100,
                            20,
                            "price_pro",
                            List.of(io.tenantry.contracts.entitlement.Entitlement.feature("sso", true)))),
            "free");

    private TenantFixtures() {}

    /** A Tenant fixture with what its handlers need injected. */
    static AggregateTestFixture<Tenant> fixture() {
        AggregateTestFixture<Tenant> fixture = new AggregateTestFixture<>(Tenant.class);
        fixture.registerInjectableResource(PLANS);
        fixture.registerInjectableResource(new io.tenantry.command.webhook.WebhookUrlPolicy(false));
        return fixture;
    }

    static TenantCreatedEvent created() {
        return new TenantCreatedEvent(
                ID,
                "Acme Corp",
                "acme",
                TenantTier.POOLED,
                List.of(JANE, JOHN),
                ADDRESS,
                "Software",
                Map.of("theme", "dark"),
                null,
                "free");
    }

    static MemberAddedEvent ownerAdded() {
        return new MemberAddedEvent(ID, OWNER, MemberRole.OWNER);
    }

    static MemberAddedEvent added(String userId, MemberRole role) {
        return new MemberAddedEvent(ID, userId, role);
    }

    /** A command answer that is a {@link TenantView} with this status and version. */
    static Matcher<Object> view(TenantStatus status, long version) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof TenantView view && view.status() == status && view.version() == version;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a TenantView in " + status + " at version " + version);
            }
        };
    }
}
