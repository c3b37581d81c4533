package io.tenantry.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.app.invitation.InvitationSupport;
import io.tenantry.app.lead.LeadSupport;
import io.tenantry.app.test.Api;
import io.tenantry.app.test.ProvisioningOrchestrator;
import io.tenantry.contracts.Caller;
import io.tenantry.contracts.domains.RecordDomainCheckCommand;
import io.tenantry.contracts.domains.VerificationMethod;
import io.tenantry.contracts.tenant.CompleteTenantProvisioningCommand;
import io.tenantry.contracts.tenant.StartTenantProvisioningCommand;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * The tenants, users, teams, invitations and leads {@link AccessMatrixIT} calls on, made once for the class. A tenant
 * that a row's allowed call changes for good (deletes, suspends, hands over) is that row's own.
 */
final class AccessMatrixWorld {

    /** A user and a token for it. */
    record Person(String id, String token) {}

    private final Api api;

    final String partner;
    final String partnerCreateOnly;
    final String partnerWithoutPermissions;
    final Person stranger;

    // home: every tenant role, a team with a LEAD, open invitations; on plan "team" (room for all of them)
    final String home;
    final String homeSlug;
    final Person owner;
    final Person admin;
    final Person member;
    final Person lead;
    final Person patchMe;
    final Person removeMe;
    final Person teamJoiner;
    final Person teamPatchMe;
    final Person teamRemoveMe;
    final String team;
    final String doomedTeam;
    final String openInvitation;
    final String revokeMe;
    final String apiKeyToRevoke;
    // webhooks: endpoints aimed at a closed port (their deliveries fail, which is all a resend needs)
    final String webhook;
    final String webhookToDelete;
    final String webhookDelivery;
    final String platformWebhook;
    final String platformWebhookToDelete;
    final String platformWebhookDelivery;
    final InvitationSupport.Sent acceptMe;
    // home's e-mail domains: one verified with policy AUTO, one verified with SUGGEST and two requests waiting, one
    // pending to remove
    final String autoDomain;
    final String suggestDomain;
    final String removableDomain;
    final String approveMe;
    final String denyMe;

    // the other tenant, whose OWNER asks for home's things
    final Person foreignOwner;

    // one tenant per row whose allowed call changes it for good
    final Person doomedOwner;
    final Person doomedAdmin;
    final String doomed;
    final Person deletedOwner;
    final String deleted;
    final Person suspendableOwner;
    final String suspendable;
    final Person suspendedOwner;
    final String suspended;
    final Person handoverOwner;
    final Person handoverAdmin;
    final String handover;
    final Person billedOwner;
    final Person billedAdmin;
    final String billed;
    final Person reconciledOwner;
    final Person reconciledAdmin;
    final String reconciled;
    final Person provisionableOwner;
    final String provisionable;
    final String awaitingAnswer;
    final String awaitingAnswerContext;
    final Person idpOwner;
    final String idp;
    final String provisioned;
    final String provisionedDoomed;

    // SCIM: a tenant provisioned through its key (scope scim), a key of it without the scope, the foreign tenant's key
    final String scim;
    final String scimKey;
    final String scimReaderKey;
    final String foreignScimKey;
    final String scimUser;
    final String scimUserToDelete;
    final String scimGroup;
    final String scimGroupToDelete;
    /** A person whose verified address a SCIM user of {@link #scim} has: the one binding it. */
    final Person scimBinder;

    // leads
    final String registeredLead;
    final String onboardingLead;
    final String onboardingToken;
    final String otherLeadToken;

    AccessMatrixWorld(Api api, String kafkaBootstrapServers, CommandGateway commands) {
        this.api = api;
        partner = api.token(
                unique("partner"),
                List.of("partner-admin"),
                List.of("tenant:create", "tenant:update", "tenant:delete"));
        partnerCreateOnly = api.token(unique("partner"), List.of("partner-admin"), List.of("tenant:create"));
        partnerWithoutPermissions = api.token(unique("partner"), List.of("partner-admin"), List.of());
        stranger = person("stranger");
        platformWebhook = webhook("/api/webhooks/endpoints", partnerWithoutPermissions, List.of("tenant.*"));
        platformWebhookToDelete = webhook("/api/webhooks/endpoints", partnerWithoutPermissions, List.of("tenant.*"));

        owner = person("owner");
        admin = person("admin");
        member = person("member");
        lead = person("lead");
        patchMe = person("patch-me");
        removeMe = person("remove-me");
        teamJoiner = person("team-joiner");
        teamPatchMe = person("team-patch-me");
        teamRemoveMe = person("team-remove-me");
        homeSlug = slug("home");
        home = tenant(owner, homeSlug, "team", null);
        addMember(home, owner, admin, "ADMIN");
        for (Person plain : List.of(member, lead, patchMe, removeMe, teamJoiner, teamPatchMe, teamRemoveMe)) {
            addMember(home, owner, plain, "MEMBER");
        }
        team = team(home, admin, "Engineering");
        doomedTeam = team(home, admin, "Doomed");
        addTeamMember(home, team, admin, lead, "LEAD");
        addTeamMember(home, doomedTeam, admin, lead, "LEAD");
        addTeamMember(home, team, admin, teamPatchMe, "MEMBER");
        addTeamMember(home, team, admin, teamRemoveMe, "MEMBER");
        openInvitation = invite(home, admin);
        revokeMe = invite(home, admin);
        acceptMe = InvitationSupport.inviteAndReadMail(
                api, admin.token(), home, InvitationSupport.uniqueEmail("accept-me"), "MEMBER");
        webhook = webhook("/api/tenants/" + home + "/webhooks", admin.token(), List.of("tenant.*"));
        webhookToDelete = webhook("/api/tenants/" + home + "/webhooks", admin.token(), List.of("tenant.*"));
        apiKeyToRevoke = api.post("/api/tenants/" + home + "/api-keys")
                .bearer(admin.token())
                .json(Map.of("name", "access matrix", "scopes", List.of("members:read")))
                .send()
                .json()
                .path("id")
                .asText();
        // e-mail domains, verified by recording a found challenge (DomainVerificationIT looks them up for real)
        autoDomain = verifiedDomain(commands, "auto", "AUTO");
        suggestDomain = verifiedDomain(commands, "suggest", "SUGGEST");
        removableDomain =
                addDomain(slug("remove-me") + ".example.com").path("domain").asText();
        approveMe = requestToJoin(suggestDomain);
        denyMe = requestToJoin(suggestDomain);
        // an override for the matrix to remove
        expect(
                200,
                api.call("PUT", "/api/tenants/" + home + "/entitlements/api-keys/override")
                        .bearer(partner)
                        .json(Map.of("value", 20, "reason", "access matrix"))
                        .send());

        foreignOwner = person("foreign-owner");
        String foreign = tenant(foreignOwner, slug("foreign"), null, null);
        foreignScimKey = key(foreign, foreignOwner, "scim");

        Person scimOwner = person("scim-owner");
        scim = tenant(scimOwner, slug("scim"), "team", null);
        scimKey = key(scim, scimOwner, "scim");
        scimReaderKey = key(scim, scimOwner, "members:read");
        scimUser = scimUser(unique("scim-user") + "@example.com");
        scimUserToDelete = scimUser(unique("scim-doomed") + "@example.com");
        String binderEmail = unique("scim-binder") + "@example.com";
        scimUser(binderEmail);
        String binder = unique("scim-binder");
        scimBinder = new Person(binder, api.tokenWithEmail(binder, binderEmail));
        scimGroup = scimGroup("Matrix group");
        scimGroupToDelete = scimGroup("Matrix doomed group");

        doomedOwner = person("doomed-owner");
        doomedAdmin = person("doomed-admin");
        doomed = tenant(doomedOwner, slug("doomed"), null, null);
        addMember(doomed, doomedOwner, doomedAdmin, "ADMIN");

        deletedOwner = person("deleted-owner");
        deleted = tenant(deletedOwner, slug("deleted"), null, null);
        expect(
                204,
                api.call("DELETE", "/api/tenants/" + deleted)
                        .bearer(deletedOwner.token())
                        .send());

        suspendableOwner = person("suspendable-owner");
        suspendable = tenant(suspendableOwner, slug("suspendable"), null, null);
        suspendedOwner = person("suspended-owner");
        suspended = tenant(suspendedOwner, slug("suspended"), null, null);
        for (String tenant : List.of(suspendable, suspended)) { // only an ACTIVE tenant is suspended
            commands.sendAndWait(new StartTenantProvisioningCommand(tenant, "matrix-context"));
            commands.sendAndWait(new CompleteTenantProvisioningCommand(tenant));
        }
        expect(
                200,
                api.post("/api/tenants/" + suspended + "/suspend")
                        .bearer(partner)
                        .send());

        handoverOwner = person("handover-owner");
        handoverAdmin = person("handover-admin");
        handover = tenant(handoverOwner, slug("handover"), null, null);
        addMember(handover, handoverOwner, handoverAdmin, "ADMIN");

        billedOwner = person("billed-owner");
        billedAdmin = person("billed-admin");
        billed = tenant(billedOwner, slug("billed"), null, null);
        addMember(billed, billedOwner, billedAdmin, "ADMIN");
        reconciledOwner = person("reconciled-owner");
        reconciledAdmin = person("reconciled-admin");
        reconciled = tenant(reconciledOwner, slug("reconciled"), null, null); // free: nothing at Stripe to ask
        addMember(reconciled, reconciledOwner, reconciledAdmin, "ADMIN");

        provisionableOwner = person("provisionable-owner");
        provisionable = tenant(provisionableOwner, slug("provisionable"), null, null);
        awaitingAnswer = tenant(person("answer-owner"), slug("answer"), null, null);
        expect(
                202,
                api.post("/api/tenants/" + awaitingAnswer + "/provision")
                        .bearer(partner)
                        .send());
        awaitingAnswerContext = new ProvisioningOrchestrator(api, kafkaBootstrapServers)
                .awaitRequest(awaitingAnswer, 1)
                .path("contextId")
                .asText();

        idpOwner = person("idp-owner");
        idp = tenant(
                idpOwner,
                slug("idp"),
                null,
                List.of(Map.of("name", "Ada Lovelace", "email", unique("ada") + "@example.com", "primary", true)));

        provisioned = provisioningApiTenant();
        provisionedDoomed = provisioningApiTenant();

        // leads registered from one client address: its rate limit (10 an hour) leaves room for the rows' three more
        registeredLead = LeadSupport.register(api, LeadSupport.uniqueEmail()).leadId();
        LeadSupport.Registered onboarding = LeadSupport.register(api, LeadSupport.uniqueEmail());
        onboardingLead = onboarding.leadId();
        onboardingToken = LeadSupport.verify(api, onboarding);
        otherLeadToken = LeadSupport.verify(api, LeadSupport.register(api, LeadSupport.uniqueEmail()));

        // reads are eventual: wait until the read models show what the rows read
        awaitRead(
                "/api/tenants/" + home + "/members?limit=500",
                owner.token(),
                page -> page.path("total").asInt() == 9);
        awaitRead("/api/tenants/" + home, member.token(), body -> true);
        awaitRead(
                "/api/tenants/" + home + "/teams/" + team + "/members",
                member.token(),
                page -> page.path("total").asInt() == 3);
        awaitRead("/api/tenants/" + home + "/teams/" + doomedTeam, member.token(), body -> true);
        awaitRead("/api/tenants/" + home + "/subscription", member.token(), body -> true);
        awaitRead("/api/tenants/" + reconciled + "/subscription", partner, body -> true); // to preview a change
        awaitRead("/api/invitations/" + openInvitation, admin.token(), body -> true);
        awaitRead("/api/leads/" + registeredLead, partner, body -> true);
        awaitRead(
                "/api/me/joinable-tenants",
                api.tokenWithEmail(unique("joiner"), "joiner@" + autoDomain),
                list -> list.path("items").size() == 1);
        awaitRead("/api/provisioning/tenants/" + provisioned, partner, body -> true);
        awaitRead("/scim/v2/Users/" + scimUser, scimKey, body -> true);
        awaitRead("/scim/v2/Users/" + scimUserToDelete, scimKey, body -> true);
        awaitRead("/scim/v2/Groups/" + scimGroupToDelete, scimKey, body -> true);
        for (String tenant : List.of(doomed, handover, billed)) {
            awaitRead(
                    "/api/tenants/" + tenant + "/members",
                    partner,
                    page -> page.path("total").asInt() == 2);
        }
        webhookDelivery = firstDelivery("/api/tenants/" + home + "/webhooks/" + webhook, admin.token());
        platformWebhookDelivery =
                firstDelivery("/api/webhooks/endpoints/" + platformWebhook, partnerWithoutPermissions);
    }

    /** A webhook endpoint created at {@code path}; its deliveries go to a closed port. */
    private String webhook(String path, String token, List<String> eventTypes) {
        Api.Response created = api.post(path)
                .bearer(token)
                .json(Map.of("url", "http://127.0.0.1:9/matrix", "eventTypes", eventTypes))
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    /** The id of a delivery of the endpoint, once there is one. */
    private String firstDelivery(String endpointPath, String token) {
        return awaitRead(
                        endpointPath + "/deliveries?limit=1",
                        token,
                        page -> page.path("items").size() == 1)
                .path("items")
                .get(0)
                .path("id")
                .asText();
    }

    Person person(String prefix) {
        String id = unique(prefix);
        return new Person(id, api.token(id));
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    static String slug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    String tenant(Person creator, String slug, String planId, List<Map<String, Object>> contacts) {
        Map<String, Object> body =
                new java.util.LinkedHashMap<>(Map.of("name", "Matrix " + slug, "slug", slug, "tier", "POOLED"));
        if (planId != null) {
            body.put("planId", planId);
        }
        if (contacts != null) {
            body.put("contacts", contacts);
        }
        return expect(
                        201,
                        api.post("/api/tenants")
                                .bearer(creator.token())
                                .json(body)
                                .send())
                .json()
                .path("id")
                .asText();
    }

    private String key(String tenant, Person by, String scope) {
        return expect(
                        201,
                        api.post("/api/tenants/" + tenant + "/api-keys")
                                .bearer(by.token())
                                .json(Map.of("name", "matrix " + scope, "scopes", List.of(scope)))
                                .send())
                .json()
                .path("secret")
                .asText();
    }

    private String scimUser(String email) {
        return expect(
                        201,
                        api.post("/scim/v2/Users")
                                .bearer(scimKey)
                                .json(Map.of("userName", email))
                                .send())
                .json()
                .path("id")
                .asText();
    }

    private String scimGroup(String name) {
        return expect(
                        201,
                        api.post("/scim/v2/Groups")
                                .bearer(scimKey)
                                .json(Map.of("displayName", name))
                                .send())
                .json()
                .path("id")
                .asText();
    }

    private void addMember(String tenant, Person by, Person who, String role) {
        expect(
                201,
                api.post("/api/tenants/" + tenant + "/members")
                        .bearer(by.token())
                        .json(Map.of("userId", who.id(), "role", role))
                        .send());
    }

    private String team(String tenant, Person by, String name) {
        return expect(
                        201,
                        api.post("/api/tenants/" + tenant + "/teams")
                                .bearer(by.token())
                                .json(Map.of("name", name))
                                .send())
                .json()
                .path("teamId")
                .asText();
    }

    private void addTeamMember(String tenant, String teamId, Person by, Person who, String role) {
        expect(
                201,
                api.post("/api/tenants/" + tenant + "/teams/" + teamId + "/members")
                        .bearer(by.token())
                        .json(Map.of("userId", who.id(), "role", role))
                        .send());
    }

    private String invite(String tenant, Person by) {
        return expect(
                        201,
                        InvitationSupport.invite(
                                api, by.token(), tenant, InvitationSupport.uniqueEmail("invitee"), "MEMBER"))
                .json()
                .path("id")
                .asText();
    }

    private JsonNode addDomain(String domain) {
        return expect(
                        201,
                        api.post("/api/tenants/" + home + "/domains")
                                .bearer(owner.token())
                                .json(Map.of("domain", domain))
                                .send())
                .json();
    }

    /** A domain of home, verified (its challenge recorded as found) and with this join policy. */
    private String verifiedDomain(CommandGateway commands, String prefix, String policy) {
        JsonNode added = addDomain(slug(prefix) + ".example.com");
        String domain = added.path("domain").asText();
        commands.sendAndWait(new RecordDomainCheckCommand(
                home,
                Caller.user(owner.id()),
                domain,
                added.path("challenge").path("value").asText(),
                VerificationMethod.DNS,
                true,
                "access matrix",
                false));
        expect(
                200,
                api.call("PUT", "/api/tenants/" + home + "/domains/" + domain + "/join-policy")
                        .bearer(owner.token())
                        .json(Map.of("policy", policy))
                        .send());
        return domain;
    }

    /** A request to join home by someone at {@code domain}; answers its id. */
    private String requestToJoin(String domain) {
        return expect(
                        202,
                        api.post("/api/tenants/" + home + "/join")
                                .bearer(api.tokenWithEmail(unique("asker"), "asker@" + domain))
                                .send())
                .json()
                .path("requestId")
                .asText();
    }

    private String provisioningApiTenant() {
        return expect(
                        201,
                        api.post("/api/provisioning/tenants")
                                .bearer(partner)
                                .json(Map.of(
                                        "client_name",
                                        "Matrix Partner " + UUID.randomUUID(),
                                        "email",
                                        unique("partner-client") + "@example.com"))
                                .send())
                .json()
                .path("tenant")
                .asText();
    }

    private JsonNode awaitRead(String path, String token, Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .until(
                        () -> {
                            Api.Response response = api.get(path).bearer(token).send();
                            return response.status() == 200 ? response.json() : null;
                        },
                        body -> body != null && condition.test(body));
    }

    private static Api.Response expect(int status, Api.Response response) {
        assertThat(response.status()).as("setting up: %s", response).isEqualTo(status);
        return response;
    }
}
