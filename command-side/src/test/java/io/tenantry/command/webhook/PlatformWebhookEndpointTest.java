package io.tenantry.command.webhook;

import static io.tenantry.command.Refusals.refusal;

import io.tenantry.contracts.Caller;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.webhook.WebhookCommands.CreatePlatformWebhookCommand;
import io.tenantry.contracts.webhook.WebhookCommands.DeletePlatformWebhookCommand;
import io.tenantry.contracts.webhook.WebhookCommands.DisableFailingPlatformWebhookCommand;
import io.tenantry.contracts.webhook.WebhookCommands.RotatePlatformWebhookSecretCommand;
import io.tenantry.contracts.webhook.WebhookCommands.SetPlatformWebhookEnabledCommand;
import io.tenantry.contracts.webhook.WebhookCommands.UpdatePlatformWebhookCommand;
import io.tenantry.contracts.webhook.WebhookDisableReason;
import io.tenantry.contracts.webhook.WebhookEndpointCreatedEvent;
import io.tenantry.contracts.webhook.WebhookEndpointDeletedEvent;
import io.tenantry.contracts.webhook.WebhookEndpointDisabledEvent;
import io.tenantry.contracts.webhook.WebhookEndpointEnabledEvent;
import io.tenantry.contracts.webhook.WebhookEndpointSecretRotatedEvent;
import io.tenantry.contracts.webhook.WebhookEndpointUpdatedEvent;
import io.tenantry.contracts.webhook.WebhookSecrets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A platform webhook endpoint: partner-admins only (no tenant role, no API key), the events those of a tenant's
 * endpoint with no tenant and never the secret; Tenantry disables a failing one once.
 */
class PlatformWebhookEndpointTest {

    private static final String ID = "ep_platform1";
    private static final String URL = "https://siem.example.com/hooks";
    private static final String SECRET = WebhookSecrets.generate();
    private static final Instant UNTIL = Instant.parse("2026-12-05T00:00:00Z");
    private static final Caller ADMIN = Caller.partnerAdmin("ops-1");

    private AggregateTestFixture<PlatformWebhookEndpoint> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PlatformWebhookEndpoint.class);
        fixture.registerInjectableResource(new WebhookUrlPolicy(false));
    }

    private static WebhookEndpointCreatedEvent created() {
        return new WebhookEndpointCreatedEvent(null, ID, URL, List.of("tenant.*"), "SIEM", "ops-1");
    }

    @Test
    void aPartnerAdminCreatesChangesRotatesDisablesEnablesAndDeletes() {
        fixture.givenNoPriorActivity()
                .when(new CreatePlatformWebhookCommand(ID, URL, List.of("tenant.*"), "SIEM", SECRET, ADMIN))
                .expectEvents(created());
        fixture.given(created())
                .when(new UpdatePlatformWebhookCommand(ID, URL, List.of("*"), null, ADMIN))
                .expectEvents(new WebhookEndpointUpdatedEvent(null, ID, URL, List.of("*"), null, "ops-1"));
        fixture.given(created())
                .when(new RotatePlatformWebhookSecretCommand(ID, SECRET, UNTIL, ADMIN))
                .expectEvents(new WebhookEndpointSecretRotatedEvent(null, ID, UNTIL, "ops-1"));
        fixture.given(created())
                .when(new SetPlatformWebhookEnabledCommand(ID, false, ADMIN))
                .expectEvents(new WebhookEndpointDisabledEvent(null, ID, WebhookDisableReason.MANUAL, "ops-1"));
        fixture.given(created())
                .when(new SetPlatformWebhookEnabledCommand(ID, true, ADMIN))
                .expectNoEvents();
        fixture.given(created(), new WebhookEndpointDisabledEvent(null, ID, WebhookDisableReason.MANUAL, "ops-1"))
                .when(new SetPlatformWebhookEnabledCommand(ID, true, ADMIN))
                .expectEvents(new WebhookEndpointEnabledEvent(null, ID, "ops-1"));
        fixture.given(created())
                .when(new DeletePlatformWebhookCommand(ID, ADMIN))
                .expectEvents(new WebhookEndpointDeletedEvent(null, ID, "ops-1"))
                .expectMarkedDeleted();
    }

    @Test
    void nobodyButAPartnerAdminManagesIt() {
        fixture.givenNoPriorActivity()
                .when(new CreatePlatformWebhookCommand(
                        ID, URL, List.of("tenant.*"), "SIEM", SECRET, Caller.user("tenant-owner")))
                .expectException(refusal(DomainRefusal.Kind.FORBIDDEN, "insufficient_role"));
        fixture.given(created())
                .when(new DeletePlatformWebhookCommand(ID, Caller.apiKey("k-1", "t-1", Set.of("members:write"))))
                .expectException(refusal(DomainRefusal.Kind.FORBIDDEN, "insufficient_role"));
        fixture.given(created())
                .when(new RotatePlatformWebhookSecretCommand(ID, SECRET, UNTIL, null))
                .expectException(refusal(DomainRefusal.Kind.FORBIDDEN, "insufficient_role"));
    }

    @Test
    void aPrivateAddressIsRefusedUnlessAllowed() {
        fixture.givenNoPriorActivity()
                .when(new CreatePlatformWebhookCommand(
                        ID, "https://169.254.169.254/latest", List.of("tenant.*"), null, SECRET, ADMIN))
                .expectException(DomainRefusal.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new CreatePlatformWebhookCommand(
                        ID, "http://hooks.example.com/plain", List.of("tenant.*"), null, SECRET, ADMIN))
                .expectException(DomainRefusal.class)
                .expectNoEvents();
    }

    @Test
    void tenantryDisablesAFailingEndpointOnce() {
        fixture.given(created())
                .when(new DisableFailingPlatformWebhookCommand(ID))
                .expectEvents(new WebhookEndpointDisabledEvent(null, ID, WebhookDisableReason.FAILING, null))
                .expectResultMessagePayload(true);
        fixture.given(created(), new WebhookEndpointDisabledEvent(null, ID, WebhookDisableReason.MANUAL, "ops-1"))
                .when(new DisableFailingPlatformWebhookCommand(ID))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }
}
