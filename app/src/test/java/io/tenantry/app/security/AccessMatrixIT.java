package io.tenantry.app.security;

import static io.tenantry.app.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.Stripe;
import io.tenantry.app.lead.LeadSupport;
import io.tenantry.app.security.AccessMatrix.Case;
import io.tenantry.app.security.AccessMatrix.Expectation;
import io.tenantry.app.security.AccessMatrix.Request;
import io.tenantry.app.security.AccessMatrix.Row;
import io.tenantry.app.test.Api;
import io.tenantry.app.test.IntegrationTest;
import io.tenantry.app.test.ProvisioningOrchestrator;
import io.tenantry.app.test.StripeFake;
import io.tenantry.app.test.TokenExchanges;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may call what (docs/api.md): every HTTP endpoint the app maps, each tried with no token,
 * with an authenticated caller lacking the role, permission or membership, with a member (the OWNER) of another
 * tenant, and with a caller it allows; each over HTTP, with the status (and for errors the problem) expected. A foreign
 * tenant's 404 must be the very answer an unknown id gets. The table must name exactly the endpoints the app maps, so
 * an endpoint added without a row fails {@link #everyMappedEndpointHasARowAndEveryRowAnEndpoint}.
 * <p>
 * On an endpoint for a platform role (partner-admin) the other tenant's OWNER gets 403 like anyone without the role:
 * the route table decides before any tenant is looked up, so the answer is the same for every id and tells nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT extends IntegrationTest {

    private static final String NO_TENANT = "no tenant in scope";

    @Autowired
    private ApplicationContext context;

    @Autowired
    private CommandGateway commands;

    private AccessMatrixWorld w;
    private Api setup;
    private final AtomicInteger calls = new AtomicInteger();

    @BeforeAll
    void world() {
        setup = new Api(port, Path.of(environment.getRequiredProperty("tenantry.data-dir")));
        w = new AccessMatrixWorld(setup, environment.getRequiredProperty("spring.kafka.bootstrap-servers"), commands);
    }

    @AfterAll
    void summary() {
        List<Row> rows = rows();
        long cases = rows.stream()
                .mapToLong(row -> row.expectations.values().stream()
                        .filter(Expectation::applies)
                        .count())
                .sum();
        System.out.printf(
                "Access matrix: %d endpoints x 4 cases, %d cases apply, %d HTTP calls%n",
                rows.size(), cases, calls.get());
    }

    @Test
    void everyMappedEndpointHasARowAndEveryRowAnEndpoint() {
        Set<String> mapped = context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values().stream()
                .flatMap(mapping -> mapping.getHandlerMethods().keySet().stream())
                .flatMap(AccessMatrixIT::describe)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> rows = rows().stream().map(Row::endpoint).collect(Collectors.toCollection(TreeSet::new));

        assertThat(rows).as("one row per endpoint").hasSameSizeAs(rows());
        assertThat(rows)
                .as("the endpoints the app maps (a new endpoint needs a row here)")
                .containsExactlyElementsOf(mapped);
    }

    @Test
    void everyRowStatesEveryCase() {
        for (Row row : rows()) {
            assertThat(row.expectations.keySet()).as(row.endpoint()).containsExactlyInAnyOrder(Case.values());
            Expectation foreign = row.expectations.get(Case.FOREIGN_TENANT);
            if (foreign.applies() && foreign.status() == 404) {
                assertThat(row.scope)
                        .as("%s: the id a foreign caller asks for", row.endpoint())
                        .isNotNull();
            }
        }
    }

    @TestFactory
    Stream<DynamicContainer> matrix() {
        return rows().stream()
                .map(row -> DynamicContainer.dynamicContainer(
                        row.endpoint(),
                        Arrays.stream(Case.values())
                                .filter(what -> row.expectations.get(what) != null
                                        && row.expectations.get(what).applies())
                                .map(what -> DynamicTest.dynamicTest(
                                        what.label + " → " + row.expectations.get(what), () -> check(row, what)))));
    }

    private void check(Row row, Case what) {
        Expectation expected = row.expectations.get(what);
        Request request = row.request.apply(what);
        assertThat(PathPatternParser.defaultInstance
                        .parse(row.template)
                        .matches(PathContainer.parsePath(request.pathOnly())))
                .as("%s calls %s", row.endpoint(), request.path())
                .isTrue();
        Api.Response response = send(row, request, expected.token());
        if (expected.status() >= 400 && row.template.startsWith("/scim/")) {
            assertScimError(response, expected.status());
        } else if (expected.status() >= 400) {
            assertProblem(response, expected.status(), expected.code());
        } else {
            assertThat(response.status())
                    .as("%s, %s: %s", row.endpoint(), what.label, response)
                    .isEqualTo(expected.status());
        }
        if (expected.body() != null) {
            assertThat(expected.body().test(response.json()))
                    .as("%s, %s: body %s", row.endpoint(), what.label, response.body())
                    .isTrue();
        }
        if (what == Case.FOREIGN_TENANT && expected.status() == 404) {
            Request unknown = new Request(
                    request.path().replace(row.scope, UUID.randomUUID().toString()), request.body(), request.headers());
            Api.Response unknownAnswer = send(row, unknown, expected.token());
            if (row.template.startsWith("/scim/")) {
                assertScimError(unknownAnswer, 404);
            } else {
                assertProblem(unknownAnswer, 404, expected.code());
            }
        }
    }

    /** A SCIM error (RFC 7644 section 3.12) with this status, in SCIM's media type; no internals. */
    private static void assertScimError(Api.Response response, int status) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
        assertThat(response.header("Content-Type"))
                .as("content type of %s", response)
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/scim+json"));
        assertThat(response.json().path("schemas").toString()).contains("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(response.json().path("status").asText()).isEqualTo(Integer.toString(status));
        assertThat(response.json().path("detail").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("io.tenantry.").doesNotContainIgnoringCase("exception");
    }

    /**
     * A SCIM endpoint's row: without a token 401; a key of the tenant without the scope {@code scim} 403; the tenant's
     * SCIM key allowed (200, unless the row says otherwise).
     */
    private Row scimRow(String endpoint, Function<Case, Request> request) {
        return row(endpoint, request)
                .noToken(401, null)
                .wrongRole(w.scimReaderKey, 403, null)
                .allowed(w.scimKey, 200);
    }

    /** A SCIM PATCH request of one replace. */
    private static Map<String, Object> scimPatch(String path, Object value) {
        return Map.of(
                "schemas",
                List.of("urn:ietf:params:scim:api:messages:2.0:PatchOp"),
                "Operations",
                List.of(Map.of("op", "replace", "path", path, "value", value)));
    }

    private Api.Response send(Row row, Request request, String token) {
        Api.Call call = api.call(row.method.equals("*") ? "GET" : row.method, request.path());
        request.headers().forEach(call::header);
        if (request.body() instanceof AccessMatrix.Form form) {
            call.form(form.fields());
        } else if (request.body() instanceof String raw) {
            call.json(raw);
        } else if (request.body() != null) {
            call.json(request.body());
        }
        if (token != null) {
            call.bearer(token);
        }
        calls.incrementAndGet();
        return call.send();
    }

    private static Stream<String> describe(RequestMappingInfo info) {
        Set<String> methods =
                info.getMethodsCondition().getMethods().stream().map(Enum::name).collect(Collectors.toSet());
        return (methods.isEmpty() ? Set.of("*") : methods)
                .stream().flatMap(method -> info.getPatternValues().stream().map(path -> method + " " + path));
    }

    /** A platform webhook route: partner-admin only, no tenant. */
    private Row platformHookRow(String endpoint, Function<Case, Request> request, int status) {
        return row(endpoint, request)
                .noToken(401, "unauthenticated")
                .wrongRole(w.owner.token(), 403, "forbidden")
                .na(Case.FOREIGN_TENANT, NO_TENANT)
                .allowed(w.partnerWithoutPermissions, status);
    }

    private static Row row(String endpoint, Function<Case, Request> request) {
        return new Row(endpoint, request);
    }

    private static Request to(String path) {
        return Request.to(path);
    }

    private static Function<Case, Request> fixed(String path) {
        return what -> to(path);
    }

    private static Function<Case, Request> fixed(String path, Object body) {
        return what -> to(path).json(body);
    }

    /** A usage batch of one record (sent again, it counts nothing more), naming its tenant when given one. */
    private static Map<String, Object> usage(String tenantId) {
        Map<String, Object> record = new java.util.LinkedHashMap<>(Map.of(
                "id",
                "matrix-1",
                "key",
                "api-calls",
                "quantity",
                1,
                "timestamp",
                java.time.Instant.now().toString()));
        if (tenantId != null) {
            record.put("tenantId", tenantId);
        }
        return Map.of("records", List.of(record));
    }

    /** The table. Tokens: w.partner has role partner-admin with tenant:create, :update and :delete. */
    private List<Row> rows() {
        String home = "/api/tenants/" + w.home;
        String team = home + "/teams/" + w.team;
        String owner = w.owner.token();
        String admin = w.admin.token();
        String member = w.member.token();
        String foreign = w.foreignOwner.token();
        String hook = home + "/webhooks/" + w.webhook;
        String platformHook = "/api/webhooks/endpoints/" + w.platformWebhook;
        return List.of(
                // tenants
                row(
                                "POST /api/tenants",
                                what -> to("/api/tenants")
                                        .json(Map.of(
                                                "name",
                                                "Matrix New",
                                                "slug",
                                                AccessMatrixWorld.slug("new"),
                                                "tier",
                                                "POOLED")))
                        .noToken(401, "unauthenticated")
                        .na(Case.WRONG_ROLE, "any signed-in user may create a tenant")
                        .na(Case.FOREIGN_TENANT, NO_TENANT)
                        .allowed(w.stranger.token(), 201),
                row("GET /api/tenants", fixed("/api/tenants?limit=200"))
                        .noToken(401, "unauthenticated")
                        .na(Case.WRONG_ROLE, "any signed-in user lists their own tenants")
                        .foreign(
                                foreign,
                                200,
                                page -> !page.path("items")
                                        .findValuesAsText("id")
                                        .contains(w.home))
                        .allowed(
                                member,
                                200,
                                page -> page.path("items")
                                        .findValuesAsText("id")
                                        .contains(w.home)),
                row("GET /api/tenants/{tenantId}", fixed(home))
                        .noToken(401, "unauthenticated")
                        .na(Case.WRONG_ROLE, "every member may read")
                        .foreign(foreign, 404, "tenant_not_found", w.home)
                        .allowed(member, 200),
                row("GET /api/tenants/by-slug/{slug}", fixed("/api/tenants/by-slug/" + w.homeSlug))
                        .noToken(401, "unauthenticated")
                        .na(Case.WRONG_ROLE, "every member may read")
                        .foreign(foreign, 404, "tenant_not_found", w.homeSlug)
                        .allowed(member, 200),
                row("PUT /api/tenants/{tenantId}", fixed(home, Map.of("name", "Matrix Home", "slug", w.homeSlug)))
                        .noToken(401, "unauthenticated")
                        .wrongRole(member, 403, "insufficient_role")
                        .foreign(foreign, 404, "tenant_not_found", w.home)
                        .allowed(admin, 200),
                row("PATCH /api/tenants/{tenantId}", fixed(home, Map.of("industry", "Testing")))
                        .noToken(401, "unauthenticated")
                        .wrongRole(member, 403, "insufficient_role")
                        .foreign(foreign, 404, "tenant_not_found", w.home)
                        .allowed(admin, 200),
                row("DELETE /api/tenants/{tenantId}", fixed("/api/tenants/" + w.doomed))
                        .noToken(401, "unauthenticated")
                        .wrongRole(w.doomedAdmin.token(), 403, "insufficient_role")
                        .foreign(foreign, 404, "tenant_not_found", w.doomed)
                        .allowed(w.doomedOwner.token(), 204),
                row("POST /api/tenants/{tenantId}/restore", fixed("/api/tenants/" + w.deleted + "/restore"))
                        .noToken(401, "unauthenticated")
                        .wrongRole(w.deletedOwner.token(), 403, "forbidden")
                        .foreign(foreign, 403, "forbidden", null)
                        .allowed(w.partner, 200),
                row("POST /api/tenants/{tenantId}/suspend", fixed("/api/tenants/" + w.suspendable + "/suspend"))
                        .noToken(401, "unauthenticated")
                        .wrongRole(w.suspendableOwner.token(), 403, "forbidden")
                        .foreign(foreign, 403, "forbidden", null)
                        .allowed(w.partner, 200),
                row("POST /api/tenants/{tenantId}/reactivate", fixed("/api/tenants/" + w.suspended + "/reactivate"))
                        .noToken(401, "unauthenticated")
                        .wrongRole(w.suspendedOwner.token(), 403, "forbidden")
                        .foreign(foreign, 403, "forbidden", null)
                        .allowed(w.partner, 200),

                // members
                row(
                                "POST /api/tenants/{tenantId}/members",
                                what -> to(home + "/members")
                                        .json(Map.of("userId", AccessMatrixWorld.unique("newcomer"), "role", "MEMBER")))
                        .noToken(401, "unauthenticated")
                        .wrongRole(member, 403, "insufficient_role")
                        .foreign(foreign, 404, "tenant_not_found", w.home)
                        .allowed(admin, 201),
                row("GET /api/tenants/{tenantId}/members", fixed(home + "/members"))
                        .noToken(401, "unauthenticated")
                        .na(Case.WRONG_ROLE, "every member may read")
                        .foreign(foreign, 404, "tenant_not_found", w.home)
                        .allowed(member, 200),
                row("GET /api/tenants/{tenantId}/members/{userId}", fixed(home + "/members/" + w.owner.id()))
                        .noToken(401, "unauthenticated")
                        .na(Case.WRONG_ROLE, "every member may read")
                        .foreign(foreign, 404, "tenant_not_found", w.home)
                        .allowed(member, 200),
                row(
                                "PATCH /api/tenants/{tenantId}/members/{userId}",
                                fixed(home + "/members/" + w.patchMe.id(), Map.of("role", "ADMIN")))
                        .noToken(401, "unauthenticated")
                        .wrongRole(member, 403, "insufficient_role")
                        .foreign(foreign, 404, "tenant_not_found", w.home)
                        .allowed(admin, 200),
                row("DELETE /api/tenants/{tenantId}/members/{userId}", fixed(home + "/members/" + w.removeMe.id()))
                        .noToken(401, "unauthenticated")
                        .wrongRole(member, 403, "insufficient_role")
                        .foreign(foreign, 404, "tenant_not_found", w.home)
                        .allowed(admin, 204),
                row(
                                "POST /api/tenants/{tenantId}/ownership-transfer",
                                fixed(
                                        "/api/tenants/" + w.handover + "/ownership-transfer",
                                        Map.of("toUserId", w.handoverAdmin.id())))
                        .noToken(401, "unauthenticated")
                        .wrongRole(w.handoverAdmin.token(), 403, "insufficient_role")
                        .foreign(foreign, 404, "tenant_not_found", w.handover)
                        .allowed(w.handoverOwner.token(), 200),

                // teams
                row(
                                "POST /api/tenants/{tenantId}/teams",
                                what -> to(home + "/teams").json(Map.of("name", AccessMatrixWorld.slug("Team"))))
                        .noToken(401, "unauthenticated")
                        .wrongRole(member, 403, "insufficient_role")
                        .foreign(foreign, 404, "tenant_not_found", w.home)
                        .allowed(admin, 201),
                row("GET /api/tenants/{tenantId}/teams", fixed(home + "/teams"))
                        .noToken(401, "unauthenticated")
                        .na(Case.WRONG_ROLE, "every member may read")
                        .foreign(foreign, 404, "tenant_not_found", w.home)
                        .allowed(member, 200),
                row("GET /api/tenants/{tenantId}/teams/{teamId}", fixed(team))
                        .noToken(401, "unauthenticated")
                        .na(Case.WRONG_ROLE, "every member may read")
                        .foreign(foreign, 404, "tenant_not_found", w.home)
                        .allowed(member, 200),
                row("PATCH /api/tenants/{tenantId}/teams/{teamId}", fixed(team, Map.of("description", "Builds things")))
                        .noToken(401, "unauthenticated")
                        .wrongRole(member, 403, "insufficient_role")
                        .foreign(foreign, 404, "tenant_not_found", w.home)
                        .allowed(w.lead.token(), 200),
                row("DELETE /api/tenants/{tenantId}/teams/{teamId}", fixed(home + "/teams/" + w.doomedTeam))
                        // the team's LEAD may change the team, not delete it
                        .noToken(401, "unauthenticated")
                        .wrongRole(w.lead.token(), 403, "insufficient_role")
                        .foreign(foreign, 404, "tenant_not_found", w.home)
                        .allowed(admin, 204),
                row("GET /api/tenants/{tenantId}/teams/{teamId}/members", fixed(team + "/members"))
                        .noToken(401, "unauthenticated")
                        .na(Case.WRONG_ROLE, "every member may read")
                        .foreign(foreign, 404, "tenant_not_found", w.home)
                        .allowed(member, 200),
                row(
                                "POST /api/tenants/{tenantId}/teams/{teamId}/members",
                                fixed(team + "/members", Map.of("userId", w.teamJoiner.id(), "role", "MEMBER")))
                        .noToken(401, "unauthenticated")
                        .wrongRole(member, 403, "insufficient_role")
                        .foreign(foreign, 404, "tenant_not_found", w.home)
                        .allowed(w.lead.token(), 201),
                row(
                                "PATCH /api/tenants/{tenantId}/teams/{teamId}/members/{userId}",
                                fixed(team + "/members/" + w.teamPatchMe.id(), Map.of("role", "LEAD")))
                        .noToken(401, "unauthenticated")
                        .wrongRole(member, 403, "insufficient_role")
                        .foreign(foreign, 404, "tenant_not_found", w.home)
                        .allowed(w.lead.token(), 200),
                row(
                                "DELETE /api/tenants/{tenantId}/teams/{teamId}/members/{userId}",
                                fixed(team + "/members/" + w.teamRemoveMe.id()))
                        .noToken(401, "unauthenticated")
                        .wrongRole(member, 403, "insufficient_role")
                        .foreign(foreign, 404, "tenant_not_found", w.home)
                        .allowed(w.lead.token(), 204),
                row("GET /api/users/{userId}/tenants", fixed("/api/users/" + w.member.id() + "/tenants"))
                        .noToken(401, "unauthenticated")
                        .wrongRole(w.stranger.token(), 403, "forbidden")
                        .na(Case.FOREIGN_TENANT, NO_TENANT)
                        .allowed(member, 200),

                // invitations
                row(
                                "POST /api/tenants/{tenantId}/invitations",
                                what -> to(home + "/invitations")
                                        .json(Map.of(
                                                "email",
                                                AccessMatrixWorld.unique("invitee") + "@example.com",
                                                "role",
                                                "MEMBER")))
                        .noToken(401, "unauthenticated")
                        .wrongRole(member, 403, "insufficient_role")
                        .foreign(foreign, 404, "tenant_not_found", w.home)
                        .allowed(admin, 201),
                row("GET /api/tenants/{tenantId}/invitations", fixed(home + "/invitations"))
                        .noToken(401, "unauthenticated")
                        .wrongRole(member, 403, "insufficient_role")
                        .foreign(foreign, 404, "tenant_not_found", w.home)
                        .allowed(admin, 200),
                row(
                                "DELETE /api/tenants/{tenantId}/invitations/{invitationId}",
                                fixed(home + "/invitations/" + w.revokeMe))
                        .noToken(401, "unauthenticated")
                        .wrongRole(member, 403, "insufficient_role")
                        .foreign(foreign, 404, "invitation_not_found", w.home)
                        .allowed(admin, 204),
                row("GET /api/invitations/{invitationId}", fixed("/api/invitations/" + w.openInvitation))
                        // a tenant's invitations are for its OWNERs and ADMINs (and the invitee): to a MEMBER one
                        // is as unknown as to a stranger, whereas the tenant's list says 403 (it knows the tenant)
                        .noToken(401, "unauthenticated")
                        .wrongRole(member, 404, "invitation_not_found")
                        .foreign(foreign, 404, "invitation_not_found", w.openInvitation)
                        .allowed(admin, 200),
                row(
                                "POST /api/invitations/{invitationId}/accept",
                                fixed(
                                        "/api/invitations/" + w.acceptMe.invitationId() + "/accept",
                                        Map.of("token", w.acceptMe.token())))
                        .noToken(401, "unauthenticated")
                        .wrongRole(
                                setup.tokenWithEmail(
                                        AccessMatrixWorld.unique("not-invited"), "someone-else@example.com"),
                                403,
                                "invitation_email_mismatch")
                        .na(Case.FOREIGN_TENANT, "whoever holds the invitation's token may join")
                        .allowed(setup.tokenWithEmail(AccessMatrixWorld.unique("invitee"), w.acceptMe.email()), 200),

                // subscriptions and billing
                row("GET /api/plans", fixed("/api/plans"))
                        .noToken(401, "unauthenticated")
                        .na(Case.WRONG_ROLE, "any signed-in user reads the catalogue")
                        .na(Case.FOREIGN_TENANT, NO_TENANT)
                        .allowed(w.stranger.token(), 200),
                row("GET /api/tenants/{tenantId}/subscription", fixed(home + "/subscription"))
                        .noToken(401, "unauthenticated")
                        .na(Case.WRONG_ROLE, "every member may read")
                        .foreign(foreign, 404, "tenant_not_found", w.home)
                        .allowed(member, 200),
                row("GET /api/tenants/{tenantId}/invoices", fixed(home + "/invoices"))
                        .noToken(401, "unauthenticated")
                        .wrongRole(member, 403, "insufficient_role")
                        .foreign(foreign, 404, "tenant_not_found", w.home)
                        .allowed(admin, 200),
                row(
                                "PUT /api/tenants/{tenantId}/subscription/plan",
                                fixed("/api/tenants/" + w.billed + "/subscription/plan", Map.of("planId", "team")))
                        .noToken(401, "unauthenticated")
                        .wrongRole(w.billedAdmin.token(), 403, "insufficient_role")
                        .foreign(foreign, 404, "tenant_not_found", w.billed)
                        .allowed(w.billedOwner.token(), 200),
                row(
                                "POST /api/tenants/{tenantId}/subscription/preview",
                                fixed(
                                        "/api/tenants/" + w.reconciled + "/subscription/preview",
                                        Map.of("planId", "team")))
                        .noToken(401, "unauthenticated")
                        .wrongRole(w.reconciledAdmin.token(), 403, "insufficient_role")
                        .foreign(foreign, 404, "tenant_not_found", w.reconciled)
                        .allowed(w.reconciledOwner.token(), 200),
                row(
                                "POST /api/tenants/{tenantId}/subscription/reconcile",
                                fixed("/api/tenants/" + w.reconciled + "/subscription/reconcile"))
                        .noToken(401, "unauthenticated")
                        .wrongRole(w.reconciledAdmin.token(), 403, "insufficient_role")
                        .foreign(foreign, 404, "tenant_not_found", w.reconciled)
                        .allowed(w.reconciledOwner.token(), 204),
                row("POST /api/webhooks/stripe", what -> stripeEvent(what == Case.ALLOWED))
                        .noToken(400, "invalid_signature")
                        .wrongRole(w.partner, 400, "invalid_signature") // a token is no signature
                        .na(Case.FOREIGN_TENANT, NO_TENANT)
                        .allowed(null, 200),

                // provisioning
                row("POST /api/tenants/{tenantId}/provision", fixed("/api/tenants/" + w.provisionable + "/provision"))
                        .noToken(401, "unauthenticated")
                        .wrongRole(w.provisionableOwner.token(), 403, "forbidden")
                        .foreign(foreign, 403, "forbidden", null)
                        .allowed(w.partner, 202),
                row(
                                "POST /api/tenants/{tenantId}/idp",
                                fixed("/api/tenants/" + w.idp + "/idp", Map.of("identityProvider", "AUTH0")))
                        .noToken(401, "unauthenticated")
                        .wrongRole(w.idpOwner.token(), 403, "forbidden")
                        .foreign(foreign, 403, "forbidden", null)
                        .allowed(w.partner, 200),
                row("POST /api/webhooks/provisioning", what -> orchestratorAnswer(what == Case.ALLOWED))
                        .noToken(401, "missing_signature")
                        .wrongRole(w.partner, 401, "missing_signature") // a token is no signature
                        .na(Case.FOREIGN_TENANT, NO_TENANT)
                        .allowed(null, 200),

                // tenant tokens
                row(
                                "POST /oauth2/token",
                                what -> to("/oauth2/token").form(TokenExchanges.form(owner, "tenant:" + w.home)))
                        .open(200, "the subject token in the form is the credential"),
                row("GET /.well-known/jwks.json", fixed("/.well-known/jwks.json"))
                        .open(200, "public keys"),
                row("GET /.well-known/oauth-authorization-server", fixed("/.well-known/oauth-authorization-server"))
                        .open(200, "public metadata"),
                row("POST /api/admin/signing-keys/rotate", fixed("/api/admin/signing-keys/rotate"))
                        .noToken(401, "unauthenticated")
                        .wrongRole(owner, 403, "forbidden")
                        .na(Case.FOREIGN_TENANT, NO_TENANT)
                        .allowed(w.partnerWithoutPermissions, 200),
                row("GET /api/tenants/{tenantId}/entitlements", fixed(home + "/entitlements"))
                        .noToken(401, "unauthenticated")
                        .na(Case.WRONG_ROLE, "every member may read")
                        .foreign(foreign, 404, "tenant_not_found", w.home)
                        .allowed(member, 200),
                row("GET /api/tenants/{tenantId}/entitlements/{key}", fixed(home + "/entitlements/members"))
                        .noToken(401, "unauthenticated")
                        .na(Case.WRONG_ROLE, "every member may read")
                        .foreign(foreign, 404, "tenant_not_found", w.home)
                        .allowed(member, 200),
                row(
                                "PUT /api/tenants/{tenantId}/entitlements/{key}/override",
                                fixed(
                                        home + "/entitlements/sso/override",
                                        Map.of("enabled", true, "reason", "access matrix")))
                        .noToken(401, "unauthenticated")
                        .wrongRole(owner, 403, "forbidden")
                        .foreign(foreign, 403, "forbidden", null)
                        .allowed(w.partner, 200),
                row(
                                "DELETE /api/tenants/{tenantId}/entitlements/{key}/override",
                                fixed(home + "/entitlements/api-keys/override?reason=matrix"))
                        .noToken(401, "unauthenticated")
                        .wrongRole(owner, 403, "forbidden")
                        .foreign(foreign, 403, "forbidden", null)
                        .allowed(w.partner, 200),
                // e-mail domains and joining by them
                row(
                                "POST /api/tenants/{tenantId}/domains",
                                what -> to(home + "/domains")
                                        .json(Map.of("domain", AccessMatrixWorld.slug("matrix") + ".example.com")))
                        .noToken(401, "unauthenticated")
                        .wrongRole(member, 403, "insufficient_role")
                        .foreign(foreign, 404, "tenant_not_found", w.home)
                        .allowed(admin, 201),
                row("GET /api/tenants/{tenantId}/domains", fixed(home + "/domains"))
                        .noToken(401, "unauthenticated")
                        .wrongRole(member, 403, "insufficient_role")
                        .foreign(foreign, 404, "tenant_not_found", w.home)
                        .allowed(
                                admin,
                                200,
                                list -> list.path("items")
                                        .findValuesAsText("domain")
                                        .contains(w.autoDomain)),
                row(
                                "POST /api/tenants/{tenantId}/domains/{domain}/verify",
                                fixed(home + "/domains/" + w.suggestDomain + "/verify"))
                        // verified already: answered as it is, without a lookup (DomainVerificationIT looks)
                        .noToken(401, "unauthenticated")
                        .wrongRole(member, 403, "insufficient_role")
                        .foreign(foreign, 404, "tenant_not_found", w.home)
                        .allowed(admin, 200),
                row(
                                "PUT /api/tenants/{tenantId}/domains/{domain}/join-policy",
                                fixed(home + "/domains/" + w.autoDomain + "/join-policy", Map.of("policy", "AUTO")))
                        .noToken(401, "unauthenticated")
                        .wrongRole(member, 403, "insufficient_role")
                        .foreign(foreign, 404, "tenant_not_found", w.home)
                        .allowed(admin, 200),
                row("DELETE /api/tenants/{tenantId}/domains/{domain}", fixed(home + "/domains/" + w.removableDomain))
                        .noToken(401, "unauthenticated")
                        .wrongRole(member, 403, "insufficient_role")
                        .foreign(foreign, 404, "tenant_not_found", w.home)
                        .allowed(admin, 204),
                row("POST /api/tenants/{tenantId}/join", fixed(home + "/join"))
                        // the caller's verified e-mail address decides: none is 403 whatever the tenant, one at no
                        // verified domain of it is a stranger's 404
                        .noToken(401, "unauthenticated")
                        .wrongRole(w.stranger.token(), 403, "email_not_verified")
                        .foreign(
                                setup.tokenWithEmail(
                                        AccessMatrixWorld.unique("elsewhere"), "someone@elsewhere.example.com"),
                                404,
                                "tenant_not_found",
                                w.home)
                        .allowed(
                                setup.tokenWithEmail(AccessMatrixWorld.unique("joiner"), "joiner@" + w.autoDomain),
                                201),
                row("GET /api/tenants/{tenantId}/join-requests", fixed(home + "/join-requests"))
                        .noToken(401, "unauthenticated")
                        .wrongRole(member, 403, "insufficient_role")
                        .foreign(foreign, 404, "tenant_not_found", w.home)
                        .allowed(admin, 200),
                row(
                                "POST /api/tenants/{tenantId}/join-requests/{requestId}/approve",
                                fixed(home + "/join-requests/" + w.approveMe + "/approve"))
                        .noToken(401, "unauthenticated")
                        .wrongRole(member, 403, "insufficient_role")
                        .foreign(foreign, 404, "tenant_not_found", w.home)
                        .allowed(admin, 200),
                row(
                                "POST /api/tenants/{tenantId}/join-requests/{requestId}/deny",
                                fixed(home + "/join-requests/" + w.denyMe + "/deny"))
                        .noToken(401, "unauthenticated")
                        .wrongRole(member, 403, "insufficient_role")
                        .foreign(foreign, 404, "tenant_not_found", w.home)
                        .allowed(admin, 200),
                row("GET /api/me/joinable-tenants", fixed("/api/me/joinable-tenants"))
                        .noToken(401, "unauthenticated")
                        .na(Case.WRONG_ROLE, "any signed-in user (no verified address: an empty list)")
                        .na(Case.FOREIGN_TENANT, NO_TENANT)
                        .allowed(
                                setup.tokenWithEmail(AccessMatrixWorld.unique("joiner"), "joiner@" + w.autoDomain),
                                200,
                                list -> list.path("items")
                                        .findValuesAsText("tenantId")
                                        .contains(w.home)),
                row("GET /api/tenants/{tenantId}/impersonations", fixed(home + "/impersonations"))
                        .noToken(401, "unauthenticated")
                        .wrongRole(admin, 403, "insufficient_role")
                        .foreign(foreign, 404, "tenant_not_found", w.home)
                        .allowed(owner, 200),

                // the tenant's audit log
                row("GET /api/tenants/{tenantId}/audit-log", fixed(home + "/audit-log?limit=5"))
                        .noToken(401, "unauthenticated")
                        .wrongRole(member, 403, "insufficient_role")
                        .foreign(foreign, 404, "tenant_not_found", w.home)
                        .allowed(admin, 200),
                row(
                                "GET /api/tenants/{tenantId}/audit-log/export",
                                fixed(home + "/audit-log/export?from=2020-01-01T00:00:00Z"))
                        .noToken(401, "unauthenticated")
                        .wrongRole(member, 403, "insufficient_role")
                        .foreign(foreign, 404, "tenant_not_found", w.home)
                        .allowed(owner, 200),

                // tenant API keys
                row(
                                "POST /api/tenants/{tenantId}/api-keys",
                                fixed(
                                        home + "/api-keys",
                                        Map.of("name", "access matrix", "scopes", List.of("members:read"))))
                        .noToken(401, "unauthenticated")
                        .wrongRole(member, 403, "insufficient_role")
                        .foreign(foreign, 404, "tenant_not_found", w.home)
                        .allowed(admin, 201),
                row("GET /api/tenants/{tenantId}/api-keys", fixed(home + "/api-keys"))
                        .noToken(401, "unauthenticated")
                        .wrongRole(member, 403, "insufficient_role")
                        .foreign(foreign, 404, "tenant_not_found", w.home)
                        .allowed(admin, 200),
                row("DELETE /api/tenants/{tenantId}/api-keys/{keyId}", fixed(home + "/api-keys/" + w.apiKeyToRevoke))
                        .noToken(401, "unauthenticated")
                        .wrongRole(member, 403, "insufficient_role")
                        .foreign(foreign, 404, "tenant_not_found", w.home)
                        .allowed(owner, 204),
                // webhooks of a tenant: OWNER, ADMIN (in person), or partner-admin
                row(
                                "POST /api/tenants/{tenantId}/webhooks",
                                fixed(
                                        home + "/webhooks",
                                        Map.of("url", "https://hooks.example.com/m", "eventTypes", List.of("*"))))
                        .noToken(401, "unauthenticated")
                        .wrongRole(member, 403, "insufficient_role")
                        .foreign(foreign, 404, "tenant_not_found", w.home)
                        .allowed(admin, 201),
                row("GET /api/tenants/{tenantId}/webhooks", fixed(home + "/webhooks"))
                        .noToken(401, "unauthenticated")
                        .wrongRole(member, 403, "insufficient_role")
                        .foreign(foreign, 404, "tenant_not_found", w.home)
                        .allowed(admin, 200),
                row("GET /api/tenants/{tenantId}/webhooks/{endpointId}", fixed(hook))
                        .noToken(401, "unauthenticated")
                        .wrongRole(member, 403, "insufficient_role")
                        .foreign(foreign, 404, "tenant_not_found", w.home)
                        .allowed(admin, 200),
                row(
                                "PUT /api/tenants/{tenantId}/webhooks/{endpointId}",
                                fixed(
                                        hook,
                                        Map.of("url", "http://127.0.0.1:9/matrix", "eventTypes", List.of("tenant.*"))))
                        .noToken(401, "unauthenticated")
                        .wrongRole(member, 403, "insufficient_role")
                        .foreign(foreign, 404, "tenant_not_found", w.home)
                        .allowed(admin, 204),
                row("POST /api/tenants/{tenantId}/webhooks/{endpointId}/rotate-secret", fixed(hook + "/rotate-secret"))
                        .noToken(401, "unauthenticated")
                        .wrongRole(member, 403, "insufficient_role")
                        .foreign(foreign, 404, "tenant_not_found", w.home)
                        .allowed(admin, 200),
                row("POST /api/tenants/{tenantId}/webhooks/{endpointId}/disable", fixed(hook + "/disable"))
                        .noToken(401, "unauthenticated")
                        .wrongRole(member, 403, "insufficient_role")
                        .foreign(foreign, 404, "tenant_not_found", w.home)
                        .allowed(admin, 204),
                row("POST /api/tenants/{tenantId}/webhooks/{endpointId}/enable", fixed(hook + "/enable"))
                        .noToken(401, "unauthenticated")
                        .wrongRole(member, 403, "insufficient_role")
                        .foreign(foreign, 404, "tenant_not_found", w.home)
                        .allowed(admin, 204),
                row(
                                "DELETE /api/tenants/{tenantId}/webhooks/{endpointId}",
                                fixed(home + "/webhooks/" + w.webhookToDelete))
                        .noToken(401, "unauthenticated")
                        .wrongRole(member, 403, "insufficient_role")
                        .foreign(foreign, 404, "tenant_not_found", w.home)
                        .allowed(owner, 204),
                row("GET /api/tenants/{tenantId}/webhooks/{endpointId}/deliveries", fixed(hook + "/deliveries"))
                        .noToken(401, "unauthenticated")
                        .wrongRole(member, 403, "insufficient_role")
                        .foreign(foreign, 404, "tenant_not_found", w.home)
                        .allowed(admin, 200),
                row(
                                "POST /api/tenants/{tenantId}/webhooks/{endpointId}/deliveries/{deliveryId}/resend",
                                fixed(hook + "/deliveries/" + w.webhookDelivery + "/resend"))
                        .noToken(401, "unauthenticated")
                        .wrongRole(member, 403, "insufficient_role")
                        .foreign(foreign, 404, "tenant_not_found", w.home)
                        .allowed(admin, 202),
                row(
                                "POST /api/tenants/{tenantId}/webhooks/{endpointId}/replay",
                                fixed(
                                        hook + "/replay",
                                        Map.of(
                                                "fromTime",
                                                java.time.Instant.now()
                                                        .minusSeconds(60)
                                                        .toString())))
                        .noToken(401, "unauthenticated")
                        .wrongRole(member, 403, "insufficient_role")
                        .foreign(foreign, 404, "tenant_not_found", w.home)
                        .allowed(admin, 202),
                // the platform's webhooks: partner-admin
                platformHookRow(
                        "POST /api/webhooks/endpoints",
                        fixed(
                                "/api/webhooks/endpoints",
                                Map.of("url", "https://hooks.example.com/p", "eventTypes", List.of("*"))),
                        201),
                platformHookRow("GET /api/webhooks/endpoints", fixed("/api/webhooks/endpoints"), 200),
                platformHookRow("GET /api/webhooks/endpoints/{endpointId}", fixed(platformHook), 200),
                platformHookRow(
                        "PUT /api/webhooks/endpoints/{endpointId}",
                        fixed(
                                platformHook,
                                Map.of("url", "http://127.0.0.1:9/matrix", "eventTypes", List.of("tenant.*"))),
                        204),
                platformHookRow(
                        "POST /api/webhooks/endpoints/{endpointId}/rotate-secret",
                        fixed(platformHook + "/rotate-secret"),
                        200),
                platformHookRow(
                        "POST /api/webhooks/endpoints/{endpointId}/disable", fixed(platformHook + "/disable"), 204),
                platformHookRow(
                        "POST /api/webhooks/endpoints/{endpointId}/enable", fixed(platformHook + "/enable"), 204),
                platformHookRow(
                        "DELETE /api/webhooks/endpoints/{endpointId}",
                        fixed("/api/webhooks/endpoints/" + w.platformWebhookToDelete),
                        204),
                platformHookRow(
                        "GET /api/webhooks/endpoints/{endpointId}/deliveries",
                        fixed(platformHook + "/deliveries"),
                        200),
                platformHookRow(
                        "POST /api/webhooks/endpoints/{endpointId}/deliveries/{deliveryId}/resend",
                        fixed(platformHook + "/deliveries/" + w.platformWebhookDelivery + "/resend"),
                        202),
                platformHookRow(
                        "POST /api/webhooks/endpoints/{endpointId}/replay",
                        fixed(
                                platformHook + "/replay",
                                Map.of(
                                        "fromTime",
                                        java.time.Instant.now().minusSeconds(5).toString())),
                        202),
                row("GET /api/api-keys/scopes", fixed("/api/api-keys/scopes"))
                        .noToken(401, "unauthenticated")
                        .na(Case.WRONG_ROLE, "any signed-in caller may read them")
                        .na(Case.FOREIGN_TENANT, NO_TENANT)
                        .allowed(member, 200),

                // SCIM: the tenant is always the key's; any other caller gets a SCIM error
                scimRow("GET /scim/v2/ServiceProviderConfig", fixed("/scim/v2/ServiceProviderConfig"))
                        .na(Case.FOREIGN_TENANT, "the same document for every tenant"),
                scimRow("GET /scim/v2/ResourceTypes", fixed("/scim/v2/ResourceTypes"))
                        .na(Case.FOREIGN_TENANT, "the same document for every tenant"),
                scimRow("GET /scim/v2/ResourceTypes/{name}", fixed("/scim/v2/ResourceTypes/User"))
                        .na(Case.FOREIGN_TENANT, "the same document for every tenant"),
                scimRow("GET /scim/v2/Schemas", fixed("/scim/v2/Schemas"))
                        .na(Case.FOREIGN_TENANT, "the same document for every tenant"),
                scimRow(
                                "GET /scim/v2/Schemas/{id}",
                                fixed("/scim/v2/Schemas/urn:ietf:params:scim:schemas:core:2.0:Group"))
                        .na(Case.FOREIGN_TENANT, "the same document for every tenant"),
                scimRow(
                                "POST /scim/v2/Users",
                                fixed(
                                        "/scim/v2/Users",
                                        Map.of("userName", "matrix-" + UUID.randomUUID() + "@example.com")))
                        .na(Case.FOREIGN_TENANT, "a key provisions its own tenant only: nothing foreign to name")
                        .allowed(w.scimKey, 201),
                scimRow("GET /scim/v2/Users", fixed("/scim/v2/Users"))
                        .foreign(w.foreignScimKey, 200, body -> !body.toString().contains(w.scimUser)),
                scimRow("GET /scim/v2/Users/{id}", fixed("/scim/v2/Users/" + w.scimUser))
                        .foreign(w.foreignScimKey, 404, null, w.scimUser),
                scimRow(
                                "PUT /scim/v2/Users/{id}",
                                fixed(
                                        "/scim/v2/Users/" + w.scimUser,
                                        Map.of("userName", "put-" + UUID.randomUUID() + "@example.com")))
                        .foreign(w.foreignScimKey, 404, null, w.scimUser),
                scimRow(
                                "PATCH /scim/v2/Users/{id}",
                                fixed("/scim/v2/Users/" + w.scimUser, scimPatch("displayName", "Matrix")))
                        .foreign(w.foreignScimKey, 404, null, w.scimUser),
                scimRow("DELETE /scim/v2/Users/{id}", fixed("/scim/v2/Users/" + w.scimUserToDelete))
                        .foreign(w.foreignScimKey, 404, null, w.scimUserToDelete)
                        .allowed(w.scimKey, 204),
                scimRow("POST /scim/v2/Groups", fixed("/scim/v2/Groups", Map.of("displayName", "Matrix created")))
                        .na(Case.FOREIGN_TENANT, "a key provisions its own tenant only: nothing foreign to name")
                        .allowed(w.scimKey, 201),
                scimRow("GET /scim/v2/Groups", fixed("/scim/v2/Groups"))
                        .foreign(w.foreignScimKey, 200, body -> !body.toString().contains(w.scimGroup)),
                scimRow("GET /scim/v2/Groups/{id}", fixed("/scim/v2/Groups/" + w.scimGroup))
                        .foreign(w.foreignScimKey, 404, null, w.scimGroup),
                scimRow(
                                "PUT /scim/v2/Groups/{id}",
                                fixed("/scim/v2/Groups/" + w.scimGroup, Map.of("displayName", "Matrix put")))
                        .foreign(w.foreignScimKey, 404, null, w.scimGroup),
                scimRow(
                                "PATCH /scim/v2/Groups/{id}",
                                fixed("/scim/v2/Groups/" + w.scimGroup, scimPatch("displayName", "Matrix patched")))
                        .foreign(w.foreignScimKey, 404, null, w.scimGroup),
                scimRow("DELETE /scim/v2/Groups/{id}", fixed("/scim/v2/Groups/" + w.scimGroupToDelete))
                        .foreign(w.foreignScimKey, 404, null, w.scimGroupToDelete)
                        .allowed(w.scimKey, 204),
                row(
                                "POST /api/tenants/{tenantId}/members/bind",
                                what -> to("/api/tenants/" + (what == Case.FOREIGN_TENANT ? w.home : w.scim)
                                        + "/members/bind"))
                        .noToken(401, "unauthenticated")
                        .wrongRole(w.stranger.token(), 403, "email_not_verified")
                        .foreign(w.scimBinder.token(), 404, "tenant_not_found", w.home)
                        .allowed(w.scimBinder.token(), 200),

                // usage metering
                row("POST /api/tenants/{tenantId}/usage", fixed(home + "/usage", usage(null)))
                        .noToken(401, "unauthenticated")
                        .wrongRole(member, 403, "insufficient_role")
                        .foreign(foreign, 404, "tenant_not_found", w.home)
                        .allowed(admin, 200),
                row("POST /api/usage", fixed("/api/usage", usage(w.home)))
                        .noToken(401, "unauthenticated")
                        .wrongRole(owner, 403, "forbidden")
                        .na(Case.FOREIGN_TENANT, NO_TENANT)
                        .allowed(w.partnerWithoutPermissions, 200),
                row("GET /api/tenants/{tenantId}/usage", fixed(home + "/usage"))
                        .noToken(401, "unauthenticated")
                        .na(Case.WRONG_ROLE, "every member may read")
                        .foreign(foreign, 404, "tenant_not_found", w.home)
                        .allowed(member, 200),

                // provisioning API
                row(
                                "POST /api/provisioning/tenants",
                                what -> to("/api/provisioning/tenants").json(partnerClient()))
                        .noToken(401, "unauthenticated")
                        .wrongRole(w.partnerWithoutPermissions, 403, "forbidden")
                        .na(Case.FOREIGN_TENANT, NO_TENANT)
                        .allowed(w.partner, 201),
                row(
                                "POST /api/provisioning/tenants/bulk",
                                what -> to("/api/provisioning/tenants/bulk").json(List.of(partnerClient())))
                        .noToken(401, "unauthenticated")
                        .wrongRole(w.partnerWithoutPermissions, 403, "forbidden")
                        .na(Case.FOREIGN_TENANT, NO_TENANT)
                        .allowed(w.partner, 200),
                row("GET /api/provisioning/tenants/{tenantId}", fixed("/api/provisioning/tenants/" + w.home))
                        .noToken(401, "unauthenticated")
                        .wrongRole(owner, 403, "forbidden")
                        .foreign(foreign, 403, "forbidden", null)
                        .allowed(w.partnerWithoutPermissions, 200),
                row(
                                "PUT /api/provisioning/tenants/{tenantId}",
                                what -> to("/api/provisioning/tenants/" + w.provisioned)
                                        .json(partnerClient()))
                        .noToken(401, "unauthenticated")
                        .wrongRole(w.partnerCreateOnly, 403, "forbidden")
                        .foreign(foreign, 403, "forbidden", null)
                        .allowed(w.partner, 200),
                row(
                                "PATCH /api/provisioning/tenants/{tenantId}",
                                fixed("/api/provisioning/tenants/" + w.provisioned, Map.of("industry", "Testing")))
                        .noToken(401, "unauthenticated")
                        .wrongRole(w.partnerCreateOnly, 403, "forbidden")
                        .foreign(foreign, 403, "forbidden", null)
                        .allowed(w.partner, 200),
                row(
                                "DELETE /api/provisioning/tenants/{tenantId}",
                                fixed("/api/provisioning/tenants/" + w.provisionedDoomed))
                        .noToken(401, "unauthenticated")
                        .wrongRole(w.partnerCreateOnly, 403, "forbidden")
                        .foreign(foreign, 403, "forbidden", null)
                        .allowed(w.partner, 204),

                // leads
                row(
                                "POST /api/leads",
                                what -> to("/api/leads")
                                        .json(Map.of(
                                                "name",
                                                "Matrix Lead",
                                                "email",
                                                LeadSupport.uniqueEmail(),
                                                "companyName",
                                                "Matrix Co")))
                        .open(201, "public (rate-limited)"),
                row("POST /api/leads/{leadId}/verify", what -> {
                            LeadSupport.Registered lead = LeadSupport.register(setup, LeadSupport.uniqueEmail());
                            return to("/api/leads/" + lead.leadId() + "/verify").json(Map.of("code", lead.code()));
                        })
                        .open(200, "public (rate-limited); the mailed code is the proof"),
                row(
                                "POST /api/leads/{leadId}/resend-verification",
                                what -> to("/api/leads/"
                                        + LeadSupport.register(setup, LeadSupport.uniqueEmail())
                                                .leadId() + "/resend-verification"))
                        .open(202, "public (rate-limited)"),
                row(
                                "POST /api/leads/{leadId}/tenants",
                                what -> to("/api/leads/" + w.onboardingLead + "/tenants")
                                        .json(Map.of(
                                                "name",
                                                "Matrix Lead Co",
                                                "slug",
                                                AccessMatrixWorld.slug("lead"),
                                                "tier",
                                                "POOLED")))
                        .noToken(401, "unauthenticated")
                        .wrongRole(w.otherLeadToken, 403, "forbidden")
                        .na(Case.FOREIGN_TENANT, "a lead has no tenant yet")
                        .allowed(w.onboardingToken, 201),
                row("GET /api/leads", fixed("/api/leads"))
                        .noToken(401, "unauthenticated")
                        .wrongRole(owner, 403, "forbidden")
                        .na(Case.FOREIGN_TENANT, NO_TENANT)
                        .allowed(w.partnerWithoutPermissions, 200),
                row("GET /api/leads/funnel", fixed("/api/leads/funnel"))
                        .noToken(401, "unauthenticated")
                        .wrongRole(owner, 403, "forbidden")
                        .na(Case.FOREIGN_TENANT, NO_TENANT)
                        .allowed(w.partnerWithoutPermissions, 200),
                row("GET /api/leads/{leadId}", fixed("/api/leads/" + w.registeredLead))
                        .noToken(401, "unauthenticated")
                        .wrongRole(owner, 403, "forbidden")
                        .na(Case.FOREIGN_TENANT, NO_TENANT)
                        .allowed(w.partnerWithoutPermissions, 200),

                // audit, lifecycle feed, privacy: partner-admin
                row("GET /api/audit/tenants/{tenantId}/events", fixed("/api/audit/tenants/" + w.home + "/events"))
                        .noToken(401, "unauthenticated")
                        .wrongRole(owner, 403, "forbidden")
                        .foreign(foreign, 403, "forbidden", null)
                        .allowed(w.partnerWithoutPermissions, 200),
                row(
                                "GET /api/audit/tenants/{tenantId}/entitlements",
                                fixed("/api/audit/tenants/" + w.home + "/entitlements"))
                        .noToken(401, "unauthenticated")
                        .wrongRole(owner, 403, "forbidden")
                        .foreign(foreign, 403, "forbidden", null)
                        .allowed(w.partnerWithoutPermissions, 200),
                row(
                                "GET /api/audit/tenants/{tenantId}/plan-changes",
                                fixed("/api/audit/tenants/" + w.home + "/plan-changes"))
                        .noToken(401, "unauthenticated")
                        .wrongRole(owner, 403, "forbidden")
                        .foreign(foreign, 403, "forbidden", null)
                        .allowed(w.partnerWithoutPermissions, 200),
                row(
                                "GET /api/audit/tenants/{tenantId}/diff",
                                fixed("/api/audit/tenants/" + w.home + "/diff?from=2020-01-01T00:00:00Z&to="
                                        + Instant.now().plusSeconds(3600)))
                        .noToken(401, "unauthenticated")
                        .wrongRole(owner, 403, "forbidden")
                        .foreign(foreign, 403, "forbidden", null)
                        .allowed(w.partnerWithoutPermissions, 200),
                row("GET /api/lifecycle/events", fixed("/api/lifecycle/events?limit=1"))
                        .noToken(401, "unauthenticated")
                        .wrongRole(owner, 403, "forbidden")
                        .na(Case.FOREIGN_TENANT, NO_TENANT)
                        .allowed(w.partnerWithoutPermissions, 200),
                // read-model operations and the dashboard: partner-admin
                row("GET /api/admin/projections", fixed("/api/admin/projections"))
                        .noToken(401, "unauthenticated")
                        .wrongRole(owner, 403, "forbidden")
                        .na(Case.FOREIGN_TENANT, NO_TENANT)
                        .allowed(w.partnerWithoutPermissions, 200),
                row(
                                "POST /api/admin/projections/{name}/rebuild",
                                fixed("/api/admin/projections/provisioning-failures/rebuild"))
                        .noToken(401, "unauthenticated")
                        .wrongRole(owner, 403, "forbidden")
                        .na(Case.FOREIGN_TENANT, NO_TENANT)
                        .allowed(w.partnerWithoutPermissions, 202),
                row("GET /api/dashboard/stats", fixed("/api/dashboard/stats"))
                        .noToken(401, "unauthenticated")
                        .wrongRole(owner, 403, "forbidden")
                        .na(Case.FOREIGN_TENANT, NO_TENANT)
                        .allowed(w.partnerWithoutPermissions, 200),
                row("GET /api/dashboard/stream", fixed("/api/dashboard/stream"))
                        .noToken(401, "unauthenticated")
                        .wrongRole(owner, 403, "forbidden")
                        .na(Case.FOREIGN_TENANT, NO_TENANT)
                        .na(Case.ALLOWED, "an endless event stream: DashboardStreamIT reads it as a partner-admin"),
                row(
                                "DELETE /api/privacy/subjects",
                                what -> to("/api/privacy/subjects?email="
                                        + (what == Case.ALLOWED
                                                ? LeadSupport.register(setup, LeadSupport.uniqueEmail())
                                                        .email() // someone Tenantry knows
                                                : AccessMatrixWorld.unique("forget-me") + "@example.com")))
                        .noToken(401, "unauthenticated")
                        .wrongRole(owner, 403, "forbidden")
                        .na(Case.FOREIGN_TENANT, NO_TENANT)
                        .allowed(w.partnerWithoutPermissions, 204),

                // operations
                row("GET /actuator/health", fixed("/actuator/health")).open(200, "public"),
                row("GET /actuator/health/**", fixed("/actuator/health/liveness"))
                        .open(200, "public"),
                row("GET /actuator/info", fixed("/actuator/info")).open(200, "public"),
                row("GET /actuator/prometheus", fixed("/actuator/prometheus")).open(200, "public"),
                row("GET /actuator", fixed("/actuator"))
                        .noToken(401, "unauthenticated")
                        .wrongRole(w.partner, 403, "forbidden")
                        .na(Case.FOREIGN_TENANT, NO_TENANT)
                        .na(Case.ALLOWED, "the actuator index is closed to all"),
                row("GET /v3/api-docs", fixed("/v3/api-docs")).open(200, "public"),
                row("GET /v3/api-docs.yaml", fixed("/v3/api-docs.yaml")).open(200, "public"),
                row("GET /v3/api-docs/swagger-config", fixed("/v3/api-docs/swagger-config"))
                        .open(200, "public"),
                row("GET /swagger-ui.html", fixed("/swagger-ui.html")).open(302, "public"),
                row("* /error", fixed("/error"))
                        .noToken(404, "not_found")
                        .na(Case.WRONG_ROLE, "the container's error page")
                        .na(Case.FOREIGN_TENANT, NO_TENANT)
                        .na(Case.ALLOWED, "reached by the container's error forward only, never asked for directly"));
    }

    private Map<String, Object> partnerClient() {
        return Map.of(
                "client_name",
                "Matrix Partner " + UUID.randomUUID(),
                "email",
                AccessMatrixWorld.unique("client") + "@example.com");
    }

    /** An event Stripe sends and Tenantry ignores (200); signed only for the allowed case. */
    private static Request stripeEvent(boolean signed) {
        String payload = """
                {"id":"evt_%s","object":"event","api_version":"%s","created":1795400000,"type":"charge.succeeded",
                 "livemode":false,"pending_webhooks":1,"request":{"id":null,"idempotency_key":null},
                 "data":{"object":{"id":"ch_1","object":"charge"}}}""".formatted(UUID.randomUUID().toString().replace("-", ""), Stripe.API_VERSION);
        Request request = to("/api/webhooks/stripe").json(payload);
        return signed
                ? request.header("Stripe-Signature", StripeFake.signature(payload, StripeFake.WEBHOOK_SECRET))
                : request;
    }

    /** The orchestrator's failure answer for the tenant waiting for one; signed only for the allowed case. */
    private Request orchestratorAnswer(boolean signed) {
        String payload = ProvisioningOrchestrator.body(w.awaitingAnswer, false, 0);
        Request request = to("/api/webhooks/provisioning").json(payload);
        if (!signed) {
            return request;
        }
        String timestamp = Long.toString(System.currentTimeMillis());
        return request.header("x-timestamp", timestamp)
                .header("x-signature", ProvisioningOrchestrator.sign(payload, w.awaitingAnswerContext, timestamp));
    }
}
