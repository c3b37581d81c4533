package io.tenantry.command.tenant;

import static io.tenantry.command.Refusals.refusal;
import static io.tenantry.command.tenant.TenantFixtures.ADDRESS;
import static io.tenantry.command.tenant.TenantFixtures.ID;
import static io.tenantry.command.tenant.TenantFixtures.JANE;
import static io.tenantry.command.tenant.TenantFixtures.JOHN;
import static io.tenantry.command.tenant.TenantFixtures.OWNER;
import static io.tenantry.command.tenant.TenantFixtures.added;
import static io.tenantry.command.tenant.TenantFixtures.created;
import static io.tenantry.command.tenant.TenantFixtures.ownerAdded;
import static io.tenantry.command.tenant.TenantFixtures.view;

import io.tenantry.contracts.Caller;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.tenant.CompleteTenantProvisioningCommand;
import io.tenantry.contracts.tenant.CreateTenantCommand;
import io.tenantry.contracts.tenant.DeleteTenantCommand;
import io.tenantry.contracts.tenant.FailTenantProvisioningCommand;
import io.tenantry.contracts.tenant.MemberAddedEvent;
import io.tenantry.contracts.tenant.MemberRole;
import io.tenantry.contracts.tenant.PatchTenantCommand;
import io.tenantry.contracts.tenant.ReactivateTenantCommand;
import io.tenantry.contracts.tenant.ReplaceTenantCommand;
import io.tenantry.contracts.tenant.RestoreTenantCommand;
import io.tenantry.contracts.tenant.StartTenantProvisioningCommand;
import io.tenantry.contracts.tenant.SuspendTenantCommand;
import io.tenantry.contracts.tenant.TenantContact;
import io.tenantry.contracts.tenant.TenantCreatedEvent;
import io.tenantry.contracts.tenant.TenantDeletedEvent;
import io.tenantry.contracts.tenant.TenantProvisionedEvent;
import io.tenantry.contracts.tenant.TenantProvisioningFailedEvent;
import io.tenantry.contracts.tenant.TenantProvisioningStartedEvent;
import io.tenantry.contracts.tenant.TenantReactivatedEvent;
import io.tenantry.contracts.tenant.TenantRestoredEvent;
import io.tenantry.contracts.tenant.TenantStatus;
import io.tenantry.contracts.tenant.TenantSuspendedEvent;
import io.tenantry.contracts.tenant.TenantTier;
import io.tenantry.contracts.tenant.TenantUpdatedEvent;
import io.tenantry.contracts.tenant.TenantView;
import io.tenantry.contracts.tenant.UpdateProvisioningDetailsCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every command handler path of the Tenant aggregate, refusals included. */
class TenantTest {

    private static final Caller OWNER_CALLER = Caller.user(OWNER);
    private static final Caller ADMIN_CALLER = Caller.user("admin-1");
    private static final Caller MEMBER_CALLER = Caller.user("member-1");
    private static final Caller STRANGER = Caller.user("stranger");
    private static final Caller PARTNER_ADMIN = Caller.partnerAdmin("partner");

    private FixtureConfiguration<Tenant> fixture;

    @BeforeEach
    void setUp() {
        fixture = TenantFixtures.fixture();
    }

    private Object[] existing(Object... more) {
        List<Object> events = new ArrayList<>(List.of(
                created(), ownerAdded(), added("admin-1", MemberRole.ADMIN), added("member-1", MemberRole.MEMBER)));
        events.addAll(List.of(more));
        return events.toArray();
    }

    @Nested
    class Create {

        @Test
        void createsTheTenantWithItsCreatorAsOwner() {
            TenantCreatedEvent expected = created();
            fixture.givenNoPriorActivity()
                    .when(new CreateTenantCommand(
                            ID,
                            "Acme Corp",
                            "acme",
                            TenantTier.POOLED,
                            List.of(JANE, JOHN),
                            ADDRESS,
                            "Software",
                            Map.of("theme", "dark"),
                            null,
                            OWNER,
                            null))
                    .expectEvents(expected, new MemberAddedEvent(ID, OWNER, MemberRole.OWNER))
                    .expectResultMessagePayloadMatching(view(TenantStatus.PENDING_PROVISION, 1));
        }

        @Test
        void keepsTheLeadItCameFrom() {
            fixture.givenNoPriorActivity()
                    .when(new CreateTenantCommand(
                            ID, "Acme", "acme", TenantTier.SILOED, List.of(), null, null, null, "lead-7", OWNER, "pro"))
                    .expectEvents(
                            new TenantCreatedEvent(
                                    ID,
                                    "Acme",
                                    "acme",
                                    TenantTier.SILOED,
                                    List.of(),
                                    null,
                                    null,
                                    Map.of(),
                                    "lead-7",
                                    "pro"),
                            new MemberAddedEvent(ID, OWNER, MemberRole.OWNER));
        }

        @Test
        void refusesAnInvalidSlug() {
            refusesCreate(CreateTenantCommand.of(ID, "Acme", "Acme_Corp", TenantTier.POOLED, OWNER), "invalid_slug");
        }

        @Test
        void refusesABlankName() {
            refusesCreate(CreateTenantCommand.of(ID, "  ", "acme", TenantTier.POOLED, OWNER), "invalid_tenant_name");
        }

        @Test
        void refusesAMissingTier() {
            refusesCreate(CreateTenantCommand.of(ID, "Acme", "acme", null, OWNER), "invalid_tier");
        }

        @Test
        void refusesAMissingOwner() {
            refusesCreate(CreateTenantCommand.of(ID, "Acme", "acme", TenantTier.POOLED, " "), "owner_required");
        }

        @Test
        void refusesABlankIndustry() {
            refusesCreate(
                    new CreateTenantCommand(
                            ID, "Acme", "acme", TenantTier.POOLED, List.of(), null, " ", Map.of(), null, OWNER, null),
                    "invalid_industry");
        }

        @Test
        void refusesTooManySettings() {
            Map<String, String> settings = new java.util.HashMap<>();
            for (int i = 0; i <= 100; i++) {
                settings.put("k" + i, "v");
            }
            refusesCreate(
                    new CreateTenantCommand(
                            ID, "Acme", "acme", TenantTier.POOLED, List.of(), null, null, settings, null, OWNER, null),
                    "too_many_settings");
        }

        @Test
        void refusesAContactWithoutAValidEmail() {
            refusesCreate(withContacts(new TenantContact("Jane", "not-an-address", null, false)), "invalid_contact");
        }

        @Test
        void refusesAContactWithABlankName() {
            refusesCreate(withContacts(new TenantContact(" ", "jane@acme.example", null, false)), "invalid_contact");
        }

        @Test
        void acceptsAContactWithoutAName() {
            TenantContact anonymous = new TenantContact(null, "ops@acme.example", null, true);
            fixture.givenNoPriorActivity()
                    .when(withContacts(anonymous))
                    .expectEvents(
                            new TenantCreatedEvent(
                                    ID,
                                    "Acme",
                                    "acme",
                                    TenantTier.POOLED,
                                    List.of(anonymous),
                                    null,
                                    null,
                                    Map.of(),
                                    null,
                                    "free"),
                            new MemberAddedEvent(ID, OWNER, MemberRole.OWNER));
        }

        @Test
        void refusesTwoContactsWithOneAddress() {
            refusesCreate(
                    withContacts(JANE, new TenantContact("Jane Again", "JANE@acme.example ", null, false)),
                    "duplicate_contact");
        }

        @Test
        void refusesTwoPrimaryContacts() {
            refusesCreate(
                    withContacts(JANE, new TenantContact("John", "john@acme.example", null, true)),
                    "several_primary_contacts");
        }

        @Test
        void refusesTooManyContacts() {
            List<TenantContact> many = new ArrayList<>();
            for (int i = 0; i <= TenantContacts.MAXIMUM; i++) {
                many.add(new TenantContact("Person " + i, "p" + i + "@acme.example", null, false));
            }
            refusesCreate(withContacts(many.toArray(TenantContact[]::new)), "too_many_contacts");
        }

        private CreateTenantCommand withContacts(TenantContact... contacts) {
            return new CreateTenantCommand(
                    ID, "Acme", "acme", TenantTier.POOLED, List.of(contacts), null, null, Map.of(), null, OWNER, null);
        }

        private void refusesCreate(CreateTenantCommand command, String code) {
            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectNoEvents()
                    .expectException(refusal(DomainRefusal.Kind.INVALID, code));
        }
    }

    @Nested
    class Replace {

        @Test
        void replacesTheProfile() {
            fixture.given(existing())
                    .when(replace(OWNER_CALLER, null, "Acme Group", "acme-group", TenantTier.POOLED))
                    .expectEvents(
                            new TenantUpdatedEvent(ID, "Acme Group", "acme-group", List.of(JOHN), null, null, Map.of()))
                    .expectResultMessagePayloadMatching(view(TenantStatus.PENDING_PROVISION, 4));
        }

        @Test
        void changesNothingWhenNothingChanges() {
            fixture.given(existing())
                    .when(new ReplaceTenantCommand(
                            ID,
                            null,
                            ADMIN_CALLER,
                            "Acme Corp",
                            "acme",
                            null,
                            List.of(JANE, JOHN),
                            ADDRESS,
                            "Software",
                            Map.of("theme", "dark")))
                    .expectNoEvents()
                    .expectResultMessagePayloadMatching(view(TenantStatus.PENDING_PROVISION, 3));
        }

        @Test
        void letsPartnerAdminsChangeAnyTenant() {
            fixture.given(existing())
                    .when(replace(PARTNER_ADMIN, null, "Renamed", "acme", null))
                    .expectEvents(new TenantUpdatedEvent(ID, "Renamed", "acme", List.of(JOHN), null, null, Map.of()));
        }

        @Test
        void hidesTheTenantFromStrangers() {
            fixture.given(existing())
                    .when(replace(STRANGER, null, "Mine", "acme", null))
                    .expectNoEvents()
                    .expectException(refusal(DomainRefusal.Kind.NOT_FOUND, "tenant_not_found"));
        }

        @Test
        void refusesPlainMembers() {
            fixture.given(existing())
                    .when(replace(MEMBER_CALLER, null, "Mine", "acme", null))
                    .expectNoEvents()
                    .expectException(refusal(DomainRefusal.Kind.FORBIDDEN, "insufficient_role"));
        }

        @Test
        void refusesAnotherTier() {
            fixture.given(existing())
                    .when(replace(OWNER_CALLER, null, "Acme", "acme", TenantTier.SILOED))
                    .expectNoEvents()
                    .expectException(refusal(DomainRefusal.Kind.CONFLICT, "tier_immutable"));
        }

        @Test
        void refusesAStaleVersion() {
            fixture.given(existing())
                    .when(replace(OWNER_CALLER, 2L, "Acme", "acme", null))
                    .expectNoEvents()
                    .expectException(refusal(DomainRefusal.Kind.PRECONDITION_FAILED, "version_mismatch"));
        }

        @Test
        void acceptsTheCurrentVersion() {
            fixture.given(existing())
                    .when(replace(OWNER_CALLER, 3L, "Acme 2", "acme", null))
                    .expectEvents(new TenantUpdatedEvent(ID, "Acme 2", "acme", List.of(JOHN), null, null, Map.of()));
        }

        @Test
        void refusesAnInvalidSlug() {
            fixture.given(existing())
                    .when(replace(OWNER_CALLER, null, "Acme", "-bad-", null))
                    .expectNoEvents()
                    .expectException(refusal(DomainRefusal.Kind.INVALID, "invalid_slug"));
        }

        @Test
        void doesNotFindADeletedTenant() {
            fixture.given(existing(new TenantDeletedEvent(ID)))
                    .when(replace(OWNER_CALLER, null, "Acme", "acme", null))
                    .expectNoEvents()
                    .expectException(refusal(DomainRefusal.Kind.NOT_FOUND, "tenant_not_found"));
        }

        private ReplaceTenantCommand replace(Caller caller, Long version, String name, String slug, TenantTier tier) {
            return new ReplaceTenantCommand(ID, version, caller, name, slug, tier, List.of(JOHN), null, null, null);
        }
    }

    @Nested
    class Patch {

        @Test
        void changesOnlyWhatItNames() {
            fixture.given(existing())
                    .when(new PatchTenantCommand(
                            ID, null, OWNER_CALLER, "Acme Renamed", null, null, null, null, null, null))
                    .expectEvents(new TenantUpdatedEvent(
                            ID,
                            "Acme Renamed",
                            "acme",
                            List.of(JANE, JOHN),
                            ADDRESS,
                            "Software",
                            Map.of("theme", "dark")));
        }

        @Test
        void changesNothingForAnEmptyPatch() {
            fixture.given(existing())
                    .when(new PatchTenantCommand(
                            ID, null, ADMIN_CALLER, null, null, TenantTier.POOLED, null, null, null, null))
                    .expectNoEvents();
        }

        @Test
        void refusesStrangersAndPlainMembers() {
            fixture.given(existing())
                    .when(new PatchTenantCommand(ID, null, MEMBER_CALLER, "X", null, null, null, null, null, null))
                    .expectException(refusal(DomainRefusal.Kind.FORBIDDEN, "insufficient_role"));
        }
    }

    @Nested
    class ProvisioningDetails {

        @Test
        void replacesThePrimaryContactAndClearsWhatIsLeftOut() {
            fixture.given(existing())
                    .when(new UpdateProvisioningDetailsCommand(
                            ID, null, PARTNER_ADMIN, "Acme Ltd", "ops@acme.example", null, null, false))
                    .expectEvents(new TenantUpdatedEvent(
                            ID,
                            "Acme Ltd",
                            "acme",
                            List.of(new TenantContact(null, "ops@acme.example", null, true), JOHN),
                            ADDRESS,
                            null,
                            Map.of("theme", "dark")));
        }

        @Test
        void keepsTheContactsNameWhileItsAddressStays() {
            fixture.given(existing())
                    .when(new UpdateProvisioningDetailsCommand(
                            ID, null, PARTNER_ADMIN, null, null, "+1 555", null, true))
                    .expectEvents(new TenantUpdatedEvent(
                            ID,
                            "Acme Corp",
                            "acme",
                            List.of(new TenantContact("Jane Doe", "jane@acme.example", "+1 555", true), JOHN),
                            ADDRESS,
                            "Software",
                            Map.of("theme", "dark")));
        }

        @Test
        void addsAPrimaryContactToATenantWithout() {
            fixture.given(
                            new TenantCreatedEvent(
                                    ID,
                                    "Bare",
                                    "bare",
                                    TenantTier.POOLED,
                                    List.of(),
                                    null,
                                    null,
                                    Map.of(),
                                    null,
                                    "free"),
                            ownerAdded())
                    .when(new UpdateProvisioningDetailsCommand(
                            ID, null, OWNER_CALLER, null, "new@bare.example", null, "Retail", true))
                    .expectEvents(new TenantUpdatedEvent(
                            ID,
                            "Bare",
                            "bare",
                            List.of(new TenantContact(null, "new@bare.example", null, true)),
                            null,
                            "Retail",
                            Map.of()));
        }
    }

    @Nested
    class Delete {

        @Test
        void softDeletesForItsOwner() {
            fixture.given(existing())
                    .when(new DeleteTenantCommand(ID, null, OWNER_CALLER))
                    .expectEvents(new TenantDeletedEvent(ID))
                    .expectResultMessagePayloadMatching(view(TenantStatus.DELETED, 4));
        }

        @Test
        void softDeletesForPartnerAdmins() {
            fixture.given(existing())
                    .when(new DeleteTenantCommand(ID, null, PARTNER_ADMIN))
                    .expectEvents(new TenantDeletedEvent(ID));
        }

        @Test
        void refusesAdmins() {
            fixture.given(existing())
                    .when(new DeleteTenantCommand(ID, null, ADMIN_CALLER))
                    .expectNoEvents()
                    .expectException(refusal(DomainRefusal.Kind.FORBIDDEN, "insufficient_role"));
        }

        @Test
        void doesNotFindAnAlreadyDeletedTenant() {
            fixture.given(existing(new TenantDeletedEvent(ID)))
                    .when(new DeleteTenantCommand(ID, null, PARTNER_ADMIN))
                    .expectNoEvents()
                    .expectException(refusal(DomainRefusal.Kind.NOT_FOUND, "tenant_not_found"));
        }

        @Test
        void refusesAStaleVersion() {
            fixture.given(existing())
                    .when(new DeleteTenantCommand(ID, 0L, OWNER_CALLER))
                    .expectNoEvents()
                    .expectException(refusal(DomainRefusal.Kind.PRECONDITION_FAILED, "version_mismatch"));
        }
    }

    @Nested
    class Restore {

        @Test
        void bringsADeletedTenantBackInItsStatus() {
            fixture.given(existing(
                            new TenantProvisioningStartedEvent(ID, "c1"),
                            new TenantProvisionedEvent(ID),
                            new TenantSuspendedEvent(ID, "unpaid"),
                            new TenantDeletedEvent(ID)))
                    .when(new RestoreTenantCommand(ID))
                    .expectEvents(new TenantRestoredEvent(ID, "acme", TenantStatus.SUSPENDED))
                    .expectResultMessagePayloadMatching(view(TenantStatus.SUSPENDED, 8));
        }

        @Test
        void refusesATenantThatIsNotDeleted() {
            fixture.given(existing())
                    .when(new RestoreTenantCommand(ID))
                    .expectNoEvents()
                    .expectException(refusal(DomainRefusal.Kind.CONFLICT, "tenant_not_deleted"));
        }
    }

    @Nested
    class SuspendAndReactivate {

        @Test
        void suspendsAnActiveTenant() {
            fixture.given(active())
                    .when(new SuspendTenantCommand(ID, "unpaid invoices"))
                    .expectEvents(new TenantSuspendedEvent(ID, "unpaid invoices"));
        }

        @Test
        void refusesToSuspendATenantThatIsNotActive() {
            fixture.given(existing())
                    .when(new SuspendTenantCommand(ID, null))
                    .expectNoEvents()
                    .expectException(refusal(DomainRefusal.Kind.CONFLICT, "invalid_status_transition"));
        }

        @Test
        void reactivatesASuspendedTenant() {
            fixture.given(append(active(), new TenantSuspendedEvent(ID, null)))
                    .when(new ReactivateTenantCommand(ID))
                    .expectEvents(new TenantReactivatedEvent(ID));
        }

        @Test
        void refusesToReactivateATenantThatIsNotSuspended() {
            fixture.given(active())
                    .when(new ReactivateTenantCommand(ID))
                    .expectNoEvents()
                    .expectException(refusal(DomainRefusal.Kind.CONFLICT, "invalid_status_transition"));
        }

        @Test
        void doesNotSuspendADeletedTenant() {
            fixture.given(append(active(), new TenantDeletedEvent(ID)))
                    .when(new SuspendTenantCommand(ID, null))
                    .expectNoEvents()
                    .expectException(refusal(DomainRefusal.Kind.NOT_FOUND, "tenant_not_found"));
        }
    }

    @Nested
    class Provisioning {

        @Test
        void startsFromPendingProvision() {
            fixture.given(existing())
                    .when(new StartTenantProvisioningCommand(ID, "ctx-1"))
                    .expectEvents(new TenantProvisioningStartedEvent(ID, "ctx-1"));
        }

        @Test
        void retriesAfterAFailure() {
            fixture.given(existing(
                            new TenantProvisioningStartedEvent(ID, "ctx-1"),
                            new TenantProvisioningFailedEvent(ID, "timeout")))
                    .when(new StartTenantProvisioningCommand(ID, "ctx-2"))
                    .expectEvents(new TenantProvisioningStartedEvent(ID, "ctx-2"));
        }

        @Test
        void startsOnlyOnce() {
            fixture.given(existing(new TenantProvisioningStartedEvent(ID, "ctx-1")))
                    .when(new StartTenantProvisioningCommand(ID, "ctx-again"))
                    .expectNoEvents()
                    .expectResultMessagePayloadMatching(view(TenantStatus.PROVISIONING, 4));
        }

        @Test
        void doesNotStartAnActiveTenant() {
            fixture.given(active())
                    .when(new StartTenantProvisioningCommand(ID, "ctx-2"))
                    .expectNoEvents()
                    .expectException(refusal(DomainRefusal.Kind.CONFLICT, "invalid_status_transition"));
        }

        @Test
        void activatesOnSuccessOnce() {
            fixture.given(existing(new TenantProvisioningStartedEvent(ID, "ctx-1")))
                    .when(new CompleteTenantProvisioningCommand(ID))
                    .expectEvents(new TenantProvisionedEvent(ID));
            fixture.given(active())
                    .when(new CompleteTenantProvisioningCommand(ID))
                    .expectNoEvents();
        }

        @Test
        void doesNotActivateATenantThatIsNotProvisioning() {
            fixture.given(existing())
                    .when(new CompleteTenantProvisioningCommand(ID))
                    .expectNoEvents()
                    .expectException(refusal(DomainRefusal.Kind.CONFLICT, "invalid_status_transition"));
        }

        @Test
        void failsOnce() {
            fixture.given(existing(new TenantProvisioningStartedEvent(ID, "ctx-1")))
                    .when(new FailTenantProvisioningCommand(ID, "orchestrator said no"))
                    .expectEvents(new TenantProvisioningFailedEvent(ID, "orchestrator said no"));
            fixture.given(existing(
                            new TenantProvisioningStartedEvent(ID, "ctx-1"),
                            new TenantProvisioningFailedEvent(ID, "timeout")))
                    .when(new FailTenantProvisioningCommand(ID, "again"))
                    .expectNoEvents();
        }

        @Test
        void doesNotFailAnActiveTenant() {
            fixture.given(active())
                    .when(new FailTenantProvisioningCommand(ID, "late"))
                    .expectNoEvents()
                    .expectException(refusal(DomainRefusal.Kind.CONFLICT, "invalid_status_transition"));
        }
    }

    private Object[] active() {
        return existing(new TenantProvisioningStartedEvent(ID, "ctx-1"), new TenantProvisionedEvent(ID));
    }

    private static Object[] append(Object[] events, Object... more) {
        List<Object> all = new ArrayList<>(List.of(events));
        all.addAll(List.of(more));
        return all.toArray();
    }

    @Test
    void answersWithItsView() {
        fixture.given(existing())
                .when(new PatchTenantCommand(ID, null, OWNER_CALLER, null, null, null, null, null, "Hardware", null))
                .expectResultMessagePayloadMatching(org.hamcrest.Matchers.<Object>instanceOf(TenantView.class));
    }
}
