package io.tenantry.app.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.app.test.Api;
import java.util.ArrayList;
import java.util.List;

/** Reads the catch-up feed {@code GET /api/lifecycle/events} as a consumer does: page after page to its end. */
public final class LifecycleFeedReader {

    private LifecycleFeedReader() {}

    /** Every event of the feed after {@code after}, in its order. */
    public static List<JsonNode> read(Api api, String admin, long after) {
        List<JsonNode> events = new ArrayList<>();
        long next = after;
        while (true) {
            Api.Response response = api.get("/api/lifecycle/events?limit=1000&after=" + next)
                    .bearer(admin)
                    .send();
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            JsonNode page = response.json();
            page.path("events").forEach(events::add);
            if (page.path("next").asLong() == next) {
                return events;
            }
            next = page.path("next").asLong();
        }
    }
}
