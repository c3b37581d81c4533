package io.tenantry.command.tenant;

import static io.tenantry.command.Refusals.refusal;
import static io.tenantry.command.tenant.TenantFixtures.ID;
import static io.tenantry.command.tenant.TenantFixtures.OWNER;
import static io.tenantry.command.tenant.TenantFixtures.added;
import static io.tenantry.command.tenant.TenantFixtures.created;
import static io.tenantry.command.tenant.TenantFixtures.ownerAdded;

import io.tenantry.contracts.Caller;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.tenant.MemberRole;
import io.tenantry.contracts.webhook.WebhookCommands.AuthorizeTenantWebhookCommand;
import io.tenantry.contracts.webhook.WebhookCommands.CreateTenantWebhookCommand;
import io.tenantry.contracts.webhook.WebhookCommands.DeleteTenantWebhookCommand;
import io.tenantry.contracts.webhook.WebhookCommands.DisableFailingTenantWebhookCommand;
import io.tenantry.contracts.webhook.WebhookCommands.RotateTenantWebhookSecretCommand;
import io.tenantry.contracts.webhook.WebhookCommands.SetTenantWebhookEnabledCommand;
import io.tenantry.contracts.webhook.WebhookCommands.UpdateTenantWebhookCommand;
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
 * Webhook endpoints on the Tenant aggregate: OWNERs and ADMINs in person (and partner-admins) manage them; the events
 * never carry the secret; Tenantry disables a failing one once.
 */
class TenantWebhooksTest {

    private static final Caller OWNER_CALLER = Caller.user(OWNER);
    private static final String URL = "https://hooks.acme.example/t";
    private static final String SECRET = WebhookSecrets.generate();
    private static final Instant UNTIL = Instant.parse("2026-12-05T00:00:00Z");

    private AggregateTestFixture<Tenant> fixture;

    @BeforeEach
    void setUp() {
        fixture = TenantFixtures.fixture();
    }

    private static CreateTenantWebhookCommand create(String endpointId, Caller caller) {
        return new CreateTenantWebhookCommand(ID, endpointId, URL, List.of(" tenant.*"), " CRM ", SECRET, caller);
    }

    private static WebhookEndpointCreatedEvent createdEndpoint(String endpointId) {
        return new WebhookEndpointCreatedEvent(ID, endpointId, URL, List.of("tenant.*"), "CRM", OWNER);
    }

    @Test
    void anOwnerCreatesChangesRotatesDisablesEnablesAndDeletes() {
        fixture.given(created(), ownerAdded())
                .when(create("ep_1", OWNER_CALLER))
                .expectEvents(createdEndpoint("ep_1"));
        fixture.given(created(), ownerAdded(), createdEndpoint("ep_1"))
                .when(new UpdateTenantWebhookCommand(ID, "ep_1", URL, List.of("*"), null, OWNER_CALLER))
                .expectEvents(new WebhookEndpointUpdatedEvent(ID, "ep_1", URL, List.of("*"), null, OWNER));
        fixture.given(created(), ownerAdded(), createdEndpoint("ep_1"))
                .when(new RotateTenantWebhookSecretCommand(ID, "ep_1", SECRET, UNTIL, OWNER_CALLER))
                .expectEvents(new WebhookEndpointSecretRotatedEvent(ID, "ep_1", UNTIL, OWNER));
        fixture.given(created(), ownerAdded(), createdEndpoint("ep_1"))
                .when(new SetTenantWebhookEnabledCommand(ID, "ep_1", false, OWNER_CALLER))
                .expectEvents(new WebhookEndpointDisabledEvent(ID, "ep_1", WebhookDisableReason.MANUAL, OWNER));
        fixture.given(created(), ownerAdded(), createdEndpoint("ep_1"))
                .when(new SetTenantWebhookEnabledCommand(ID, "ep_1", true, OWNER_CALLER))
                .expectNoEvents();
        fixture.given(
                        created(),
                        ownerAdded(),
                        createdEndpoint("ep_1"),
                        new WebhookEndpointDisabledEvent(ID, "ep_1", WebhookDisableReason.MANUAL, OWNER))
                .when(new SetTenantWebhookEnabledCommand(ID, "ep_1", true, OWNER_CALLER))
                .expectEvents(new WebhookEndpointEnabledEvent(ID, "ep_1", OWNER));
        fixture.given(created(), ownerAdded(), createdEndpoint("ep_1"))
                .when(new DeleteTenantWebhookCommand(ID, "ep_1", OWNER_CALLER))
                .expectEvents(new WebhookEndpointDeletedEvent(ID, "ep_1", OWNER));
        fixture.given(created(), ownerAdded(), createdEndpoint("ep_1"))
                .when(new AuthorizeTenantWebhookCommand(ID, "ep_1", OWNER_CALLER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void onlyManagersInPersonAndKnownEndpoints() {
        fixture.given(created(), ownerAdded(), added("member-1", MemberRole.MEMBER))
                .when(create("ep_1", Caller.user("member-1")))
                .expectException(refusal(DomainRefusal.Kind.FORBIDDEN, "insufficient_role"));
        fixture.given(created(), ownerAdded())
                .when(create("ep_1", Caller.apiKey("key-1", ID, Set.of("members:write"))))
                .expectException(refusal(DomainRefusal.Kind.FORBIDDEN, "insufficient_scope"));
        fixture.given(created(), ownerAdded())
                .when(create("ep_1", Caller.partnerAdmin("support-1")))
                .expectSuccessfulHandlerExecution();
        fixture.given(created(), ownerAdded())
                .when(new DeleteTenantWebhookCommand(ID, "ep_9", OWNER_CALLER))
                .expectException(refusal(DomainRefusal.Kind.NOT_FOUND, "webhook_not_found"));
        fixture.given(created(), ownerAdded(), createdEndpoint("ep_1"))
                .when(create("ep_1", OWNER_CALLER))
                .expectException(refusal(DomainRefusal.Kind.CONFLICT, "webhook_exists"));
        fixture.given(created(), ownerAdded())
                .when(new CreateTenantWebhookCommand(
                        ID, "ep_1", "http://10.0.0.1/x", List.of("*"), null, SECRET, OWNER_CALLER))
                .expectException(refusal(DomainRefusal.Kind.UNPROCESSABLE, "invalid_webhook_url"));
        fixture.given(created(), ownerAdded())
                .when(new CreateTenantWebhookCommand(ID, "ep_1", URL, List.of("tenant"), null, SECRET, OWNER_CALLER))
                .expectException(refusal(DomainRefusal.Kind.INVALID, "invalid_event_types"));
    }

    @Test
    void aFailingEndpointIsDisabledOnce() {
        fixture.given(created(), ownerAdded(), createdEndpoint("ep_1"))
                .when(new DisableFailingTenantWebhookCommand(ID, "ep_1"))
                .expectResultMessagePayload(true)
                .expectEvents(new WebhookEndpointDisabledEvent(ID, "ep_1", WebhookDisableReason.FAILING, null));
        fixture.given(
                        created(),
                        ownerAdded(),
                        createdEndpoint("ep_1"),
                        new WebhookEndpointDisabledEvent(ID, "ep_1", WebhookDisableReason.FAILING, null))
                .when(new DisableFailingTenantWebhookCommand(ID, "ep_1"))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }
}
