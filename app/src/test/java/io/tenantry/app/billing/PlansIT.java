package io.tenantry.app.billing;

import static io.tenantry.app.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.app.test.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan catalogue comes from configuration, with its default marked. */
class PlansIT extends IntegrationTest {

    @Test
    void listsTheCatalogueWithTheDefaultPlanMarked() {
        JsonNode plans = api.get("/api/plans")
                .bearer(api.token(uniqueUser("viewer")))
                .send()
                .json();
        List<String> summary = new ArrayList<>();
        plans.forEach(plan -> summary.add(
                plan.path("id").asText() + " " + plan.path("maxMembers").asInt() + "/"
                        + plan.path("maxTeams").asInt() + (plan.path("paid").asBoolean() ? " paid" : " free")
                        + (plan.path("defaultPlan").asBoolean() ? " default" : "")));
        assertThat(summary).containsExactly("free 5/2 free default", "team 25/10 paid", "business 250/100 paid");
        assertThat(plans.get(1).path("price").decimalValue()).isEqualByComparingTo("49.00");
        assertThat(plans.get(1).has("stripePriceId")).isFalse();
        assertProblem(api.get("/api/plans").send(), 401, "unauthenticated");
    }
}
