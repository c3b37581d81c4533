package io.tenantry.app.scim;

import static io.tenantry.app.scim.ScimSupport.fixture;
import static io.tenantry.app.scim.ScimSupport.get;
import static io.tenantry.app.scim.ScimSupport.send;
import static io.tenantry.app.scim.ScimSupport.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantry.app.scim.ScimSupport.Tenant;
import io.tenantry.app.test.Api;
import io.tenantry.app.test.IntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The requests Okta and Microsoft Entra ID send, one fixture each (src/test/resources/scim-fixtures, sources in its
 * README), against a tenant's SCIM service: each answered as the provider expects, each leaving the members and teams
 * it should.
 */
class ScimProvidersIT extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Tenant tenant;

    @BeforeEach
    void tenant() {
        tenant = ScimSupport.tenant(api, "team");
    }

    @Test
    void oktaCreatesAUser() {
        String email = uniqueEmail("okta");
        Api.Response created =
                send(api, "POST", "/Users", tenant.key(), fixture("okta/create-user.json", Map.of("userName", email)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode user = created.json();
        assertThat(user.path("userName").asText()).isEqualTo(email);
        assertThat(user.path("externalId").asText()).isEqualTo("00ujl29u0le5T6Aj10h7");
        assertThat(user.path("name").path("givenName").asText()).isEqualTo("Ann");
        assertThat(user.path("active").asBoolean()).isTrue();
        assertThat(user.has("password")).isFalse();
        awaitRead(tenant.path("/members/scim:" + user.path("id").asText()), tenant.ownerToken(), body -> true);
    }

    @Test
    void oktaLooksUpAUserByUserNameInAnyLetterCase() {
        String email = uniqueEmail("Okta.Case");
        String id = create(email);
        JsonNode query = json(fixture("okta/filter-username.json", Map.of("userName", email.toUpperCase())));
        JsonNode found = awaitRead(
                "/scim/v2/Users?filter=" + encode(query.path("filter").asText()) + "&startIndex="
                        + query.path("startIndex").asInt() + "&count="
                        + query.path("count").asInt(),
                tenant.key(),
                body -> body.path("totalResults").asInt() == 1);
        assertThat(found.path("Resources").get(0).path("id").asText()).isEqualTo(id);
        JsonNode none = get(api, "/Users?filter=" + encode("userName eq \"nobody-" + email + "\""), tenant.key())
                .json();
        assertThat(none.path("totalResults").asInt()).isZero();
        assertThat(none.path("Resources").size()).isZero();
    }

    @Test
    void oktaDeactivatesAUser() {
        String id = create(uniqueEmail("okta-off"));
        Api.Response patched =
                send(api, "PATCH", "/Users/" + id, tenant.key(), fixture("okta/deactivate-user.json", Map.of()));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().path("active").asBoolean()).isFalse();
        awaitRead(
                tenant.path("/members/scim:" + id),
                tenant.ownerToken(),
                body -> body.path("suspended").asBoolean());
    }

    @Test
    void oktaPushesGroupMembership() {
        String stays = create(uniqueEmail("okta-stays"));
        String leaves = create(uniqueEmail("okta-leaves"));
        String joins = create(uniqueEmail("okta-joins"));
        String group = send(
                        api,
                        "POST",
                        "/Groups",
                        tenant.key(),
                        Map.of(
                                "schemas",
                                List.of("urn:ietf:params:scim:schemas:core:2.0:Group"),
                                "displayName",
                                "Okta push",
                                "members",
                                List.of(Map.of("value", stays), Map.of("value", leaves))))
                .json()
                .path("id")
                .asText();
        Api.Response patched = send(
                api,
                "PATCH",
                "/Groups/" + group,
                tenant.key(),
                fixture(
                        "okta/group-patch-members.json",
                        Map.of("addUserId", joins, "addUserName", "joins", "removeUserId", leaves)));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(values(patched.json().path("members"))).containsExactlyInAnyOrder(stays, joins);
        awaitRead(
                tenant.path("/teams/" + group + "/members"),
                tenant.ownerToken(),
                body -> body.path("total").asInt() == 2);
    }

    @Test
    void entraCreatesAUserWithTheEnterpriseExtension() {
        String email = uniqueEmail("entra");
        Api.Response created =
                send(api, "POST", "/Users", tenant.key(), fixture("entra/create-user.json", Map.of("userName", email)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("name").path("familyName").asText()).isEqualTo("familyName");
        assertThat(created.json().path("externalId").asText()).isEqualTo("0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef");
    }

    @Test
    void entraFindsAUserByExternalId() {
        String email = uniqueEmail("entra-ext");
        String externalId = "ext-" + email;
        String id = send(api, "POST", "/Users", tenant.key(), Map.of("userName", email, "externalId", externalId))
                .json()
                .path("id")
                .asText();
        JsonNode query = json(fixture("entra/filter-externalid.json", Map.of("externalId", externalId)));
        JsonNode found = awaitRead(
                "/scim/v2/Users?filter=" + encode(query.path("filter").asText()),
                tenant.key(),
                body -> body.path("totalResults").asInt() == 1);
        assertThat(found.path("Resources").get(0).path("id").asText()).isEqualTo(id);
    }

    @Test
    void entraReplacesAttributesWithCapitalisedOperations() {
        String email = uniqueEmail("entra-rep");
        String id = create(email);
        Api.Response patched = send(
                api,
                "PATCH",
                "/Users/" + id,
                tenant.key(),
                fixture("entra/replace-attributes.json", Map.of("userName", email)));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().path("name").path("familyName").asText()).isEqualTo("updatedFamilyName");
        assertThat(patched.json().path("displayName").asText()).isEqualTo("Updated Display Name");
        assertThat(patched.json().path("userName").asText()).isEqualTo(email);
    }

    @Test
    void entraDisablesAUserWithTheStringFalse() {
        String id = create(uniqueEmail("entra-off"));
        Api.Response patched =
                send(api, "PATCH", "/Users/" + id, tenant.key(), fixture("entra/disable-user.json", Map.of()));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().path("active").asBoolean()).isFalse();
        awaitRead(
                tenant.path("/members/scim:" + id),
                tenant.ownerToken(),
                body -> body.path("suspended").asBoolean());
    }

    @Test
    void entraCreatesAGroup() {
        Api.Response created = send(
                api,
                "POST",
                "/Groups",
                tenant.key(),
                fixture("entra/create-group.json", Map.of("displayName", "Entra group")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("displayName").asText()).isEqualTo("Entra group");
        awaitRead(
                tenant.path("/teams/" + created.json().path("id").asText()),
                tenant.ownerToken(),
                body -> body.path("name").asText().equals("Entra group"));
        JsonNode byName = awaitRead(
                "/scim/v2/Groups?excludedAttributes=members&filter=" + encode("displayName eq \"Entra group\""),
                tenant.key(),
                body -> body.path("totalResults").asInt() == 1);
        assertThat(byName.path("Resources").get(0).has("members")).isFalse();
    }

    @Test
    void entraAddsAndRemovesAGroupMember() {
        String id = create(uniqueEmail("entra-member"));
        String group = group("Entra members");
        assertThat(values(send(
                                api,
                                "PATCH",
                                "/Groups/" + group,
                                tenant.key(),
                                fixture("entra/group-add-member.json", Map.of("userId", id)))
                        .json()
                        .path("members")))
                .containsExactly(id);
        Api.Response removed = send(
                api,
                "PATCH",
                "/Groups/" + group,
                tenant.key(),
                fixture("entra/group-remove-member.json", Map.of("userId", id)));
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(removed.json().path("members").size()).isZero();
        awaitRead(
                tenant.path("/teams/" + group + "/members"),
                tenant.ownerToken(),
                body -> body.path("total").asInt() == 0);
    }

    @Test
    void entraRemovesAGroupMemberTheOlderWayWithAValue() {
        String stays = create(uniqueEmail("entra-stays"));
        String leaves = create(uniqueEmail("entra-leaves"));
        String group = group("Entra older");
        send(
                api,
                "PATCH",
                "/Groups/" + group,
                tenant.key(),
                fixture("entra/group-add-member.json", Map.of("userId", stays)));
        send(
                api,
                "PATCH",
                "/Groups/" + group,
                tenant.key(),
                fixture("entra/group-add-member.json", Map.of("userId", leaves)));
        Api.Response removed = send(
                api,
                "PATCH",
                "/Groups/" + group,
                tenant.key(),
                fixture("entra/group-remove-member-with-value.json", Map.of("userId", leaves)));
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(values(removed.json().path("members"))).containsExactly(stays);
    }

    private String create(String email) {
        Api.Response created = send(api, "POST", "/Users", tenant.key(), Map.of("userName", email));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    private String group(String name) {
        Api.Response created = send(api, "POST", "/Groups", tenant.key(), Map.of("displayName", name));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    private static List<String> values(JsonNode members) {
        List<String> values = new ArrayList<>();
        members.forEach(member -> values.add(member.path("value").asText()));
        return values;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
