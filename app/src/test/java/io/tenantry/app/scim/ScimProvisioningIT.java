package io.tenantry.app.scim;

import static io.tenantry.app.scim.ScimSupport.assertScimError;
import static io.tenantry.app.scim.ScimSupport.get;
import static io.tenantry.app.scim.ScimSupport.send;
import static io.tenantry.app.scim.ScimSupport.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.scim2.client.ScimService;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.types.Email;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.Member;
import com.unboundid.scim2.common.types.Name;
import com.unboundid.scim2.common.types.ServiceProviderConfigResource;
import com.unboundid.scim2.common.types.UserResource;
import io.tenantry.app.lifecycle.LifecycleTopicReader;
import io.tenantry.app.scim.ScimSupport.Tenant;
import io.tenantry.app.test.Api;
import io.tenantry.app.test.IntegrationTest;
import io.tenantry.app.test.TokenExchanges;
import io.tenantry.app.token.TokenCommand;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * SCIM 2.0 over HTTP with a tenant's key: a provisioning round driven by UnboundID's SCIM client, ending with the
 * membership read models, the event store (audit) and the lifecycle topic in agreement; binding at sign-in; the last
 * OWNER; the plan's limit; paging, filters, ETags and SCIM errors.
 */
class ScimProvisioningIT extends IntegrationTest {

    @Test
    void aProvisioningRoundLeavesTheReadModelsTheEventsAndTheTopicInAgreement() throws Exception {
        Tenant tenant = ScimSupport.tenant(api, "team");
        ScimService scim = ScimSupport.client(port, tenant.key());

        ServiceProviderConfigResource config = scim.getServiceProviderConfig();
        assertThat(config.getPatch().isSupported()).isTrue();
        assertThat(config.getEtag().isSupported()).isTrue();
        assertThat(scim.getResourceTypes().getResources())
                .extracting(type -> type.getName())
                .containsExactlyInAnyOrder("User", "Group");
        assertThat(scim.getSchemas().getTotalResults()).isEqualTo(2);

        // create
        String email = uniqueEmail("jane");
        UserResource jane = new UserResource()
                .setUserName(email)
                .setName(new Name().setGivenName("Jane").setFamilyName("Doe"))
                .setDisplayName("Jane Doe")
                .setEmails(new Email().setValue(email).setPrimary(true));
        jane.setExternalId("idp-jane");
        UserResource created = scim.create("Users", jane);
        String id = created.getId();
        assertThat(id).isNotBlank();
        assertThat(created.getUserName()).isEqualTo(email);
        assertThat(created.getActive()).isTrue();
        assertThat(created.getMeta().getVersion()).startsWith("W/\"");
        String placeholder = "scim:" + id;

        // update (PUT, If-Match from meta.version) and the same through the read side
        created.setDisplayName("Jane Q. Doe");
        UserResource replaced = scim.replace(created);
        assertThat(replaced.getDisplayName()).isEqualTo("Jane Q. Doe");
        assertThat(replaced.getId()).isEqualTo(id);
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(
                                scim.retrieve("Users", id, UserResource.class).getDisplayName())
                        .isEqualTo("Jane Q. Doe"));

        // a group with Jane, another user, then a membership change
        UserResource john = scim.create(
                "Users", new UserResource().setUserName(uniqueEmail("john")).setDisplayName("John"));
        GroupResource engineering = scim.create(
                "Groups", new GroupResource().setDisplayName("Engineering").setMembers(new Member().setValue(id)));
        assertThat(engineering.getMembers()).extracting(Member::getValue).containsExactly(id);
        GroupResource changed = scim.modifyRequest("Groups", engineering.getId())
                .addValues("members", new Member().setValue(john.getId()))
                .removeValues("members[value eq \"" + id + "\"]")
                .invoke(GroupResource.class);
        assertThat(changed.getMembers()).extracting(Member::getValue).containsExactly(john.getId());

        // deactivate: the membership is suspended, kept, and has no access
        UserResource inactive =
                scim.modifyRequest("Users", id).replaceValue("active", false).invoke(UserResource.class);
        assertThat(inactive.getActive()).isFalse();
        JsonNode member = awaitRead(
                tenant.path("/members/" + placeholder),
                tenant.ownerToken(),
                body -> body.path("suspended").asBoolean());
        assertThat(member.path("role").asText()).isEqualTo("MEMBER");

        // delete
        scim.delete("Users", john.getId());
        assertThatThrownBy(() -> scim.delete("Users", john.getId())).isInstanceOf(ResourceNotFoundException.class);

        // the read models
        JsonNode members = awaitRead(
                tenant.path("/members"),
                tenant.ownerToken(),
                body -> body.path("total").asInt() == 2);
        assertThat(userIds(members.path("items"))).containsExactlyInAnyOrder(tenant.owner(), placeholder);
        JsonNode teams = awaitRead(
                tenant.path("/teams/" + engineering.getId() + "/members"),
                tenant.ownerToken(),
                body -> body.path("total").asInt() == 0);
        assertThat(teams.path("items").size()).isZero();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            ListResponse<UserResource> listed = scim.searchRequest("Users").invoke(UserResource.class);
            assertThat(listed.getResources())
                    .extracting(UserResource::getId, UserResource::getActive)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(id, false));
        });

        // the events, in the tenant's audit history
        String partner = partnerAdmin();
        JsonNode history = api.get("/api/audit/tenants/" + tenant.id() + "/events?limit=500")
                .bearer(partner)
                .send()
                .json();
        List<String> types = new ArrayList<>();
        history.path("items").forEach(entry -> types.add(entry.path("type").asText()));
        assertThat(types)
                .containsSubsequence(
                        "MemberAddedEvent",
                        "ScimUserProvisionedEvent",
                        "ScimUserUpdatedEvent",
                        "TeamCreatedEvent",
                        "TeamMemberAddedEvent",
                        "TeamMemberRemovedEvent",
                        "MemberSuspendedEvent",
                        "MemberRemovedEvent");
        assertThat(history.toString()).contains("Jane Q. Doe"); // personal data reads decrypted in the audit

        // and on the lifecycle topic, with no address on it
        try (LifecycleTopicReader topic = new LifecycleTopicReader(
                environment.getRequiredProperty("spring.kafka.bootstrap-servers"),
                environment.getRequiredProperty("tenantry.lifecycle.topic"))) {
            List<String> expected = List.of(
                    "io.tenantry.tenant.scim-user-provisioned.v1",
                    "io.tenantry.tenant.scim-user-updated.v1",
                    "io.tenantry.tenant.team-member-removed.v1",
                    "io.tenantry.tenant.member-suspended.v1",
                    "io.tenantry.tenant.member-removed.v1");
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                topic.poll();
                return topic.eventsOf(tenant.id()).stream()
                        .map(event -> event.path("type").asText())
                        .toList()
                        .containsAll(expected);
            });
            List<JsonNode> events = topic.eventsOf(tenant.id());
            assertThat(events.toString()).doesNotContain(email);
            assertThat(events.stream()
                            .filter(event -> event.path("type").asText().endsWith("member-suspended.v1"))
                            .map(event -> event.path("data").path("userId").asText()))
                    .containsExactly(placeholder);
        }
    }

    @Test
    void aVerifiedAddressBindsTheProvisionedMemberAtSignInAndAnUnverifiedOneDoesNot() throws Exception {
        Tenant tenant = ScimSupport.tenant(api, "team");
        String email = uniqueEmail("Bound.Person");
        JsonNode user = send(api, "POST", "/Users", tenant.key(), Map.of("userName", email))
                .json();
        String id = user.path("id").asText();
        String team = send(
                        api,
                        "POST",
                        "/Groups",
                        tenant.key(),
                        Map.of("displayName", "Support", "members", List.of(Map.of("value", id))))
                .json()
                .path("id")
                .asText();

        // the same address, unverified: no binding, no token
        String subject = uniqueUser("person");
        String unverified = unverifiedEmailToken(subject, email);
        Api.Response refused = api.post("/oauth2/token")
                .form(TokenExchanges.form(unverified, "tenant:" + tenant.id()))
                .send();
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(api.post(tenant.path("/members/bind"))
                        .bearer(unverified)
                        .send()
                        .status())
                .isEqualTo(403);

        // verified (in other letter case): bound at the exchange, a token for the member and its team
        String verified = api.tokenWithEmail(subject, email.toUpperCase());
        String tenantToken = TokenExchanges.tenantToken(api, verified, "tenant:" + tenant.id());
        assertThat(tenantToken).isNotBlank();
        JsonNode member = awaitRead(tenant.path("/members/" + subject), tenant.ownerToken(), body -> true);
        assertThat(member.path("role").asText()).isEqualTo("MEMBER");
        awaitRead(
                tenant.path("/teams/" + team + "/members"),
                tenant.ownerToken(),
                body -> userIds(body.path("items")).equals(List.of(subject)));
        assertThat(api.get(tenant.path("/members/scim:" + id))
                        .bearer(tenant.ownerToken())
                        .send()
                        .status())
                .isEqualTo(404);
        // SCIM answers the same id; the explicit call is idempotent
        JsonNode again = awaitRead(
                "/scim/v2/Users/" + id,
                tenant.key(),
                body -> body.path("userName").asText().equals(email));
        assertThat(again.path("id").asText()).isEqualTo(id);
        Api.Response bind =
                api.post(tenant.path("/members/bind")).bearer(verified).send();
        assertThat(bind.status()).as(bind.toString()).isEqualTo(200);
        assertThat(bind.json().path("userId").asText()).isEqualTo(subject);
        assertThat(bind.json().path("scimId").asText()).isEqualTo(id);

        // a suspended member gets no token until reactivated
        send(
                api,
                "PATCH",
                "/Users/" + id,
                tenant.key(),
                Map.of(
                        "schemas",
                        List.of("urn:ietf:params:scim:api:messages:2.0:PatchOp"),
                        "Operations",
                        List.of(Map.of("op", "replace", "path", "active", "value", false))));
        Api.Response suspended = api.post("/oauth2/token")
                .form(TokenExchanges.form(verified, "tenant:" + tenant.id()))
                .send();
        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(400);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> api.get(tenant.path("")).bearer(verified).send().status() == 404);
    }

    @Test
    void theLastOwnerStaysAndThePlanLimitHolds() {
        Tenant tenant = ScimSupport.tenant(api, "free"); // 5 members
        String ownerEmail = uniqueEmail("owner");
        String ownerId = send(api, "POST", "/Users", tenant.key(), Map.of("userName", ownerEmail))
                .json()
                .path("id")
                .asText();
        // the provisioned address is the OWNER's: bound to the OWNER, who keeps its role
        String exchanged = TokenExchanges.tenantToken(
                api, api.tokenWithEmail(tenant.owner(), ownerEmail), "tenant:" + tenant.id());
        assertThat(exchanged).isNotBlank();
        awaitRead(
                tenant.path("/members"),
                tenant.ownerToken(),
                body -> body.path("total").asInt() == 1);
        assertScimError(send(api, "DELETE", "/Users/" + ownerId, tenant.key(), null), 409, null);
        assertScimError(
                send(
                        api,
                        "PATCH",
                        "/Users/" + ownerId,
                        tenant.key(),
                        Map.of(
                                "schemas",
                                List.of("urn:ietf:params:scim:api:messages:2.0:PatchOp"),
                                "Operations",
                                List.of(Map.of("op", "replace", "value", Map.of("active", false))))),
                409,
                null);

        for (int i = 0; i < 4; i++) {
            assertThat(send(api, "POST", "/Users", tenant.key(), Map.of("userName", uniqueEmail("seat")))
                            .status())
                    .isEqualTo(201);
        }
        JsonNode full = assertScimError(
                send(api, "POST", "/Users", tenant.key(), Map.of("userName", uniqueEmail("sixth"))), 409, null);
        assertThat(full.path("detail").asText()).containsIgnoringCase("members");
    }

    @Test
    void pagingFiltersEtagsAndErrorsAnswerAsScimSays() {
        Tenant tenant = ScimSupport.tenant(api, "team");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Api.Response created = send(
                    api,
                    "POST",
                    "/Users",
                    tenant.key(),
                    Map.of("userName", "page" + i + "-" + tenant.id() + "@acme.example", "externalId", "ext-" + i));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(created.header("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith(ScimSupport.MEDIA_TYPE));
            assertThat(created.header("Location"))
                    .hasValueSatisfying(location -> assertThat(location)
                            .endsWith("/scim/v2/Users/"
                                    + created.json().path("id").asText()));
            ids.add(created.json().path("id").asText());
        }
        JsonNode page = awaitRead(
                "/scim/v2/Users?startIndex=2&count=2",
                tenant.key(),
                body -> body.path("totalResults").asInt() == 5);
        assertThat(page.path("itemsPerPage").asInt()).isEqualTo(2);
        assertThat(page.path("startIndex").asInt()).isEqualTo(2);
        assertThat(ids(page.path("Resources"))).containsExactly(ids.get(1), ids.get(2));
        JsonNode last = get(api, "/Users?startIndex=5&count=10", tenant.key()).json();
        assertThat(ids(last.path("Resources"))).containsExactly(ids.get(4));
        assertThat(get(api, "/Users?count=0", tenant.key())
                        .json()
                        .path("totalResults")
                        .asInt())
                .isEqualTo(5);

        JsonNode or = get(
                        api,
                        "/Users?filter="
                                + encode("externalId eq \"ext-1\" or userName eq \"PAGE3-" + tenant.id()
                                        + "@ACME.example\""),
                        tenant.key())
                .json();
        assertThat(ids(or.path("Resources"))).containsExactlyInAnyOrder(ids.get(1), ids.get(3));
        JsonNode and = get(api, "/Users?filter=" + encode("externalId eq \"ext-1\" and active eq true"), tenant.key())
                .json();
        assertThat(ids(and.path("Resources"))).containsExactly(ids.get(1));
        // externalId is case-exact
        assertThat(get(api, "/Users?filter=" + encode("externalId eq \"EXT-1\""), tenant.key())
                        .json()
                        .path("totalResults")
                        .asInt())
                .isZero();

        assertScimError(get(api, "/Users?filter=" + encode("userName eq"), tenant.key()), 400, "invalidFilter");
        assertScimError(get(api, "/Users?filter=" + encode("title eq \"CTO\""), tenant.key()), 400, "invalidFilter");
        assertScimError(get(api, "/Users/no-such-user", tenant.key()), 404, null);
        assertScimError(get(api, "/Groups/no-such-group", tenant.key()), 404, null);
        assertScimError(send(api, "DELETE", "/Users/no-such-user", tenant.key(), null), 404, null);
        assertScimError(send(api, "POST", "/Users", tenant.key(), "{not json"), 400, "invalidSyntax");
        assertScimError(
                send(api, "POST", "/Users", tenant.key(), Map.of("displayName", "nobody")), 400, "invalidValue");
        assertScimError(
                send(api, "POST", "/Users", tenant.key(), Map.of("userName", "PAGE0-" + tenant.id() + "@acme.example")),
                409,
                "uniqueness");

        // ETags: the version read, the change with a stale one refused
        Api.Response read = get(api, "/Users/" + ids.get(0), tenant.key());
        String etag = read.header("ETag").orElseThrow();
        assertThat(read.json().path("meta").path("version").asText()).isEqualTo(etag);
        Map<String, Object> rename = Map.of(
                "schemas",
                List.of("urn:ietf:params:scim:api:messages:2.0:PatchOp"),
                "Operations",
                List.of(Map.of("op", "replace", "path", "displayName", "value", "Renamed")));
        Api.Response patched = api.call("PATCH", "/scim/v2/Users/" + ids.get(0))
                .bearer(tenant.key())
                .json(rename)
                .header("If-Match", etag)
                .send();
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.header("ETag")).isNotEqualTo(java.util.Optional.of(etag));
        assertScimError(
                api.call("PATCH", "/scim/v2/Users/" + ids.get(0))
                        .bearer(tenant.key())
                        .json(rename)
                        .header("If-Match", etag)
                        .send(),
                412,
                null);

        // a caller that is not a SCIM key
        assertScimError(api.get("/scim/v2/Users").send(), 401, null);
        assertScimError(api.get("/scim/v2/Users").bearer(tenant.ownerToken()).send(), 403, null);
        String reader = ScimSupport.key(api, tenant.id(), tenant.ownerToken(), "members:read");
        assertScimError(api.get("/scim/v2/Users").bearer(reader).send(), 403, null);
        // another tenant's key sees none of these
        Tenant other = ScimSupport.tenant(api, "free");
        assertThat(get(api, "/Users", other.key()).json().path("totalResults").asInt())
                .isZero();
        assertScimError(get(api, "/Users/" + ids.get(0), other.key()), 404, null);
    }

    private String unverifiedEmailToken(String subject, String email) throws Exception {
        Path dataDir = Path.of(environment.getRequiredProperty("tenantry.data-dir"));
        String token = TokenCommand.sign(dataDir, subject, List.of(), List.of(), Duration.ofHours(1), null, null);
        // the same claims with an address that is not verified
        com.nimbusds.jwt.SignedJWT parsed = com.nimbusds.jwt.SignedJWT.parse(token);
        com.nimbusds.jwt.JWTClaimsSet claims = new com.nimbusds.jwt.JWTClaimsSet.Builder(parsed.getJWTClaimsSet())
                .claim("email", email)
                .claim("email_verified", false)
                .build();
        com.nimbusds.jwt.SignedJWT unsigned = new com.nimbusds.jwt.SignedJWT(parsed.getHeader(), claims);
        unsigned.sign(
                new com.nimbusds.jose.crypto.RSASSASigner(io.tenantry.app.embedded.DevJwtKeys.readPrivateKey(dataDir)));
        return unsigned.serialize();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static List<String> ids(JsonNode resources) {
        return StreamSupport.stream(resources.spliterator(), false)
                .map(resource -> resource.path("id").asText())
                .toList();
    }

    private static List<String> userIds(JsonNode items) {
        return StreamSupport.stream(items.spliterator(), false)
                .map(item -> item.path("userId").asText())
                .toList();
    }
}
