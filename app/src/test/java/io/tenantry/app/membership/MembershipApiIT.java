package io.tenantry.app.membership;

import static io.tenantry.app.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.app.test.Api;
import io.tenantry.app.test.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two tenants and users in every role. Each tenant-scoped endpoint is tried by a caller it allows, by a member of
 * the tenant it forbids (403), and by a member of the other tenant (404, as if the tenant did not exist).
 */
class MembershipApiIT extends IntegrationTest {

    private String tenantA;
    private String tenantB;
    private String ownerA;
    private String adminA;
    private String memberA;
    private String leadA;
    private String ownerB;
    private String teamA;
    private Map<String, String> tokens;

    @BeforeEach
    void twoTenants() {
        ownerA = uniqueUser("owner-a");
        adminA = uniqueUser("admin-a");
        memberA = uniqueUser("member-a");
        leadA = uniqueUser("lead-a");
        ownerB = uniqueUser("owner-b");
        tokens = Map.of(
                ownerA,
                api.token(ownerA),
                adminA,
                api.token(adminA),
                memberA,
                api.token(memberA),
                leadA,
                api.token(leadA),
                ownerB,
                api.token(ownerB));
        tenantA = createTenant(ownerA, "a");
        tenantB = createTenant(ownerB, "b");
        expect(201, as(ownerA).post(members(tenantA)).json(Map.of("userId", adminA, "role", "ADMIN")));
        expect(201, as(ownerA).post(members(tenantA)).json(Map.of("userId", memberA, "role", "MEMBER")));
        expect(201, as(ownerA).post(members(tenantA)).json(Map.of("userId", leadA, "role", "MEMBER")));
        Api.Response team = expect(201, as(adminA).post(teams(tenantA)).json(Map.of("name", "Engineering")));
        teamA = team.json().path("teamId").asText();
        expect(
                201,
                as(adminA)
                        .post(teams(tenantA) + "/" + teamA + "/members")
                        .json(Map.of("userId", leadA, "role", "LEAD")));
        awaitRead(members(tenantA), token(memberA), page -> page.path("total").asLong() == 4);
        awaitRead(
                teams(tenantA) + "/" + teamA + "/members",
                token(memberA),
                page -> page.path("total").asLong() == 1);
    }

    @Test
    void readsTenantMembersAndTeamsForMembersOnly() {
        JsonNode page = expect(200, as(memberA).get(members(tenantA))).json();
        assertThat(page.path("items").findValuesAsText("userId")).containsExactly(ownerA, adminA, memberA, leadA);
        assertThat(page.path("items").get(0).path("role").asText()).isEqualTo("OWNER");
        expect(200, as(memberA).get("/api/tenants/" + tenantA));
        expect(200, as(memberA).get(teams(tenantA)));
        expect(200, as(memberA).get(teams(tenantA) + "/" + teamA));
        expect(200, as(memberA).get(teams(tenantA) + "/" + teamA + "/members"));

        for (String path : List.of(
                "/api/tenants/" + tenantA,
                members(tenantA),
                members(tenantA) + "/" + memberA,
                teams(tenantA),
                teams(tenantA) + "/" + teamA,
                teams(tenantA) + "/" + teamA + "/members")) {
            assertProblem(as(ownerB).get(path).send(), 404, "tenant_not_found");
        }
        expect(200, as(partnerAdmin()).get(members(tenantA)));
    }

    @Test
    void checksMembershipWithA404ForNonMembers() {
        JsonNode membership =
                expect(200, as(memberA).get(members(tenantA) + "/" + leadA)).json();
        assertThat(membership.path("role").asText()).isEqualTo("MEMBER");
        assertThat(membership.path("tenantId").asText()).isEqualTo(tenantA);
        assertProblem(as(memberA).get(members(tenantA) + "/" + ownerB).send(), 404, "member_not_found");
        assertProblem(as(memberA).get(teams(tenantA) + "/no-such-team").send(), 404, "team_not_found");
    }

    @Test
    void listsEachUserOnlyTheirOwnTenants() {
        JsonNode forB = awaitRead(
                "/api/tenants", token(ownerB), page -> page.path("total").asLong() == 1);
        assertThat(forB.path("items").get(0).path("id").asText()).isEqualTo(tenantB);
        JsonNode mine =
                expect(200, as(leadA).get("/api/users/" + leadA + "/tenants")).json();
        assertThat(mine.path("items")).hasSize(1);
        assertThat(mine.path("items").get(0).path("tenantId").asText()).isEqualTo(tenantA);
        assertThat(mine.path("items").get(0).path("role").asText()).isEqualTo("MEMBER");
        assertProblem(as(leadA).get("/api/users/" + ownerB + "/tenants").send(), 403, "forbidden");
        expect(200, as(partnerAdmin()).get("/api/users/" + ownerB + "/tenants"));
    }

    @Test
    void updatesTheTenantForOwnersAndAdminsOnly() {
        expect(200, as(adminA).call("PATCH", "/api/tenants/" + tenantA).json(Map.of("industry", "Retail")));
        assertProblem(
                as(memberA)
                        .call("PATCH", "/api/tenants/" + tenantA)
                        .json(Map.of("industry", "X"))
                        .send(),
                403,
                "insufficient_role");
        assertProblem(
                as(ownerB)
                        .call("PATCH", "/api/tenants/" + tenantA)
                        .json(Map.of("industry", "X"))
                        .send(),
                404,
                "tenant_not_found");
        assertProblem(as(adminA).call("DELETE", "/api/tenants/" + tenantA).send(), 403, "insufficient_role");
        assertProblem(as(ownerB).call("DELETE", "/api/tenants/" + tenantA).send(), 404, "tenant_not_found");
    }

    @Test
    void managesMembersByRole() {
        String newcomer = uniqueUser("newcomer");
        assertProblem(
                as(memberA)
                        .post(members(tenantA))
                        .json(Map.of("userId", newcomer, "role", "MEMBER"))
                        .send(),
                403,
                "insufficient_role");
        assertProblem(
                as(ownerB)
                        .post(members(tenantA))
                        .json(Map.of("userId", newcomer, "role", "MEMBER"))
                        .send(),
                404,
                "tenant_not_found");
        assertProblem(
                as(adminA)
                        .post(members(tenantA))
                        .json(Map.of("userId", newcomer, "role", "OWNER"))
                        .send(),
                403,
                "insufficient_role");
        expect(201, as(adminA).post(members(tenantA)).json(Map.of("userId", newcomer, "role", "MEMBER")));
        assertProblem(
                as(adminA)
                        .post(members(tenantA))
                        .json(Map.of("userId", newcomer, "role", "ADMIN"))
                        .send(),
                409,
                "already_member");

        expect(200, as(adminA).call("PATCH", members(tenantA) + "/" + newcomer).json(Map.of("role", "ADMIN")));
        assertProblem(
                as(memberA)
                        .call("PATCH", members(tenantA) + "/" + newcomer)
                        .json(Map.of("role", "MEMBER"))
                        .send(),
                403,
                "insufficient_role");
        assertProblem(
                as(ownerB)
                        .call("PATCH", members(tenantA) + "/" + newcomer)
                        .json(Map.of("role", "MEMBER"))
                        .send(),
                404,
                "tenant_not_found");
        assertProblem(
                as(adminA)
                        .call("PATCH", members(tenantA) + "/" + ownerA)
                        .json(Map.of("role", "MEMBER"))
                        .send(),
                403,
                "insufficient_role");

        assertProblem(
                as(memberA).call("DELETE", members(tenantA) + "/" + newcomer).send(), 403, "insufficient_role");
        assertProblem(
                as(ownerB).call("DELETE", members(tenantA) + "/" + newcomer).send(), 404, "tenant_not_found");
        expect(204, as(adminA).call("DELETE", members(tenantA) + "/" + newcomer));
        assertProblem(
                as(adminA).call("DELETE", members(tenantA) + "/" + newcomer).send(), 404, "member_not_found");
        assertProblem(
                as(adminA).post(members(tenantA)).json(Map.of("userId", "x")).send(), 400, "validation_failed");
    }

    @Test
    void keepsTheLastOwnerAndLetsMembersLeave() {
        assertProblem(as(ownerA).call("DELETE", members(tenantA) + "/" + ownerA).send(), 409, "last_owner");
        assertProblem(
                as(ownerA)
                        .call("PATCH", members(tenantA) + "/" + ownerA)
                        .json(Map.of("role", "ADMIN"))
                        .send(),
                409,
                "last_owner");
        expect(204, as(memberA).call("DELETE", members(tenantA) + "/" + memberA));
        awaitRead(members(tenantA), token(ownerA), page -> page.path("total").asLong() == 3);
        assertProblem(as(memberA).get(members(tenantA)).send(), 404, "tenant_not_found");
    }

    @Test
    void transfersOwnershipInOneStep() {
        assertProblem(
                as(adminA)
                        .post("/api/tenants/" + tenantA + "/ownership-transfer")
                        .json(Map.of("toUserId", memberA))
                        .send(),
                403,
                "insufficient_role");
        assertProblem(
                as(ownerB)
                        .post("/api/tenants/" + tenantA + "/ownership-transfer")
                        .json(Map.of("toUserId", memberA))
                        .send(),
                404,
                "tenant_not_found");
        assertProblem(
                as(ownerA)
                        .post("/api/tenants/" + tenantA + "/ownership-transfer")
                        .json(Map.of("toUserId", ownerB))
                        .send(),
                409,
                "not_a_member");

        JsonNode newOwner = expect(
                        200,
                        as(ownerA)
                                .post("/api/tenants/" + tenantA + "/ownership-transfer")
                                .json(Map.of("toUserId", memberA)))
                .json();
        assertThat(newOwner.path("role").asText()).isEqualTo("OWNER");
        JsonNode formerOwner = awaitRead(
                members(tenantA) + "/" + ownerA,
                token(ownerA),
                member -> "ADMIN".equals(member.path("role").asText()));
        assertThat(formerOwner.path("version").asLong())
                .isEqualTo(newOwner.path("version").asLong());
        assertProblem(as(ownerA).call("DELETE", "/api/tenants/" + tenantA).send(), 403, "insufficient_role");
    }

    @Test
    void managesTeamsByRole() {
        assertProblem(
                as(memberA).post(teams(tenantA)).json(Map.of("name", "Sales")).send(), 403, "insufficient_role");
        assertProblem(
                as(ownerB).post(teams(tenantA)).json(Map.of("name", "Sales")).send(), 404, "tenant_not_found");
        assertProblem(
                as(adminA)
                        .post(teams(tenantA))
                        .json(Map.of("name", "engineering"))
                        .send(),
                409,
                "team_name_taken");
        String sales = expect(201, as(adminA).post(teams(tenantA)).json(Map.of("name", "Sales")))
                .json()
                .path("teamId")
                .asText();

        String team = teams(tenantA) + "/" + teamA;
        expect(200, as(leadA).call("PATCH", team).json(Map.of("description", "Builds the product")));
        assertProblem(
                as(memberA).call("PATCH", team).json(Map.of("name", "Mine")).send(), 403, "insufficient_role");
        assertProblem(
                as(ownerB).call("PATCH", team).json(Map.of("name", "Mine")).send(), 404, "tenant_not_found");

        expect(201, as(leadA).post(team + "/members").json(Map.of("userId", memberA, "role", "MEMBER")));
        assertProblem(
                as(memberA)
                        .post(team + "/members")
                        .json(Map.of("userId", adminA, "role", "MEMBER"))
                        .send(),
                403,
                "insufficient_role");
        assertProblem(
                as(ownerB)
                        .post(team + "/members")
                        .json(Map.of("userId", adminA, "role", "MEMBER"))
                        .send(),
                404,
                "tenant_not_found");
        assertProblem(
                as(leadA)
                        .post(team + "/members")
                        .json(Map.of("userId", ownerB, "role", "MEMBER"))
                        .send(),
                409,
                "not_a_member");

        expect(200, as(leadA).call("PATCH", team + "/members/" + memberA).json(Map.of("role", "LEAD")));
        assertProblem(
                as(ownerB)
                        .call("PATCH", team + "/members/" + memberA)
                        .json(Map.of("role", "MEMBER"))
                        .send(),
                404,
                "tenant_not_found");
        expect(204, as(leadA).call("DELETE", team + "/members/" + memberA));
        assertProblem(as(ownerB).call("DELETE", team + "/members/" + leadA).send(), 404, "tenant_not_found");

        assertProblem(as(leadA).call("DELETE", teams(tenantA) + "/" + sales).send(), 403, "insufficient_role");
        assertProblem(as(ownerB).call("DELETE", teams(tenantA) + "/" + sales).send(), 404, "tenant_not_found");
        expect(204, as(adminA).call("DELETE", teams(tenantA) + "/" + sales));
        awaitRead(teams(tenantA), token(memberA), page -> page.path("total").asLong() == 1);
    }

    @Test
    void removesARemovedMemberFromEveryTeamAndADisbandedTeamsMemberships() {
        String team = teams(tenantA) + "/" + teamA;
        expect(201, as(adminA).post(team + "/members").json(Map.of("userId", memberA, "role", "MEMBER")));
        awaitRead(team + "/members", token(adminA), page -> page.path("total").asLong() == 2);

        expect(204, as(adminA).call("DELETE", members(tenantA) + "/" + memberA));
        JsonNode remaining = awaitRead(
                team + "/members", token(adminA), page -> page.path("total").asLong() == 1);
        assertThat(remaining.path("items").findValuesAsText("userId")).containsExactly(leadA);

        expect(204, as(adminA).call("DELETE", team));
        awaitRead(teams(tenantA), token(adminA), page -> page.path("total").asLong() == 0);
        assertProblem(as(adminA).get(team + "/members").send(), 404, "team_not_found");
    }

    @Test
    void refusesMembersAndTeamsBeyondThePlan() {
        expect(201, as(ownerA).post(members(tenantA)).json(Map.of("userId", uniqueUser("fifth"), "role", "MEMBER")));
        JsonNode full = assertProblem(
                as(ownerA)
                        .post(members(tenantA))
                        .json(Map.of("userId", uniqueUser("sixth"), "role", "MEMBER"))
                        .send(),
                409,
                "plan_limit_reached");
        assertThat(full.path("limit").asInt()).isEqualTo(5);
        assertThat(full.path("planId").asText()).isEqualTo("free");

        expect(201, as(ownerA).post(teams(tenantA)).json(Map.of("name", "Second")));
        assertProblem(
                as(ownerA).post(teams(tenantA)).json(Map.of("name", "Third")).send(), 409, "plan_limit_reached");
    }

    private String createTenant(String owner, String prefix) {
        return expect(
                        201,
                        as(owner)
                                .post("/api/tenants")
                                .json(Map.of("name", "Tenant " + prefix, "slug", uniqueSlug(prefix), "tier", "POOLED")))
                .json()
                .path("id")
                .asText();
    }

    private static String members(String tenantId) {
        return "/api/tenants/" + tenantId + "/members";
    }

    private static String teams(String tenantId) {
        return "/api/tenants/" + tenantId + "/teams";
    }

    private String token(String user) {
        return tokens.get(user);
    }

    private Caller as(String user) {
        return new Caller(tokens.getOrDefault(user, user));
    }

    private static Api.Response expect(int status, Api.Call call) {
        Api.Response response = call.send();
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response;
    }

    /** Requests on behalf of one token. */
    private final class Caller {
        private final String token;

        Caller(String token) {
            this.token = token;
        }

        Api.Call get(String path) {
            return api.get(path).bearer(token);
        }

        Api.Call post(String path) {
            return api.post(path).bearer(token);
        }

        Api.Call call(String method, String path) {
            return api.call(method, path).bearer(token);
        }
    }
}
