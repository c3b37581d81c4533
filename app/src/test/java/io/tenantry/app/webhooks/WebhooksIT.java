package io.tenantry.app.webhooks;

import static io.tenantry.app.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.svix.Webhook;
import io.tenantry.app.test.Api;
import io.tenantry.app.test.IntegrationTest;
import io.tenantry.app.test.TestMail;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Customer webhooks over HTTP, to receivers on loopback: the secret shown once, the CloudEvent signed as Standard
 * Webhooks has it (checked by Svix's verifier), only the types asked for, retries with the same id, giving up,
 * disabling a failing endpoint with a mail, resend, replay, rotation, a hanging endpoint, redirects, and who may.
 */
class WebhooksIT extends IntegrationTest {

    record Tenant(String id, String owner, String ownerToken, String contact) {

        String path(String rest) {
            return "/api/tenants/" + id + rest;
        }
    }

    @Test
    void theSecretIsShownOnceAndAMemberEventArrivesSignedAsTheTopicHasIt() throws Exception {
        Tenant tenant = tenant();
        try (Receiver receiver = Receiver.ok()) {
            Api.Response created = api.post(tenant.path("/webhooks"))
                    .bearer(tenant.ownerToken())
                    .json(Map.of(
                            "url", receiver.url(), "eventTypes", List.of("tenant.member-added"), "description", "CRM"))
                    .send();
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(created.header("Cache-Control")).contains("no-store");
            JsonNode endpoint = created.json();
            String id = endpoint.path("id").asText();
            String secret = endpoint.path("secret").asText();
            assertThat(secret).startsWith("whsec_");
            assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSizeBetween(24, 32);
            assertThat(endpoint.path("status").asText()).isEqualTo("ENABLED");
            assertThat(endpoint.path("tenantId").asText()).isEqualTo(tenant.id());
            assertThat(created.header("Location"))
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/webhooks/" + id));

            JsonNode listed = awaitRead(
                    tenant.path("/webhooks"),
                    tenant.ownerToken(),
                    l -> l.path("items").size() == 1);
            assertThat(listed.toString()).doesNotContain(secret.substring(6));
            assertThat(api.get(tenant.path("/webhooks/" + id))
                            .bearer(tenant.ownerToken())
                            .send()
                            .body())
                    .doesNotContain(secret.substring(6));

            String newcomer = addMember(tenant, "MEMBER");
            api.post(tenant.path("/teams"))
                    .bearer(tenant.ownerToken())
                    .json(Map.of("name", "Not sent"))
                    .send();
            await().atMost(Duration.ofSeconds(15)).until(() -> receiver.received.size() >= 1);
            Receiver.Received delivery = receiver.received.get(0);
            assertThat(delivery.header("content-type")).startsWith("application/cloudevents+json");
            new Webhook(secret).verify(delivery.body(), delivery.headers());
            JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(delivery.body());
            assertThat(body.path("type").asText()).isEqualTo("io.tenantry.tenant.member-added.v1");
            assertThat(body.path("subject").asText()).isEqualTo(tenant.id());
            assertThat(body.path("specversion").asText()).isEqualTo("1.0");
            assertThat(body.path("data").path("userId").asText()).isEqualTo(newcomer);
            assertThat(delivery.header("webhook-id")).startsWith("msg_");
            // the body is the lifecycle topic's record value: the CloudEvents SDK's structured JSON of the same notice
            io.cloudevents.CloudEvent parsed = new io.cloudevents.jackson.JsonFormat()
                    .deserialize(delivery.body().getBytes());
            assertThat(new String(new io.cloudevents.jackson.JsonFormat().serialize(parsed)))
                    .isEqualTo(delivery.body());

            JsonNode deliveries = awaitRead(
                    tenant.path("/webhooks/" + id + "/deliveries"),
                    tenant.ownerToken(),
                    page -> page.path("items").size() == 1
                            && page.path("items").get(0).path("status").asText().equals("DELIVERED"));
            JsonNode item = deliveries.path("items").get(0);
            assertThat(item.path("id").asText()).isEqualTo(delivery.header("webhook-id"));
            assertThat(item.path("eventType").asText()).isEqualTo("io.tenantry.tenant.member-added.v1");
            assertThat(item.path("attempts").asInt()).isEqualTo(1);
            assertThat(item.path("lastResponseCode").asInt()).isEqualTo(200);
            assertThat(deliveries.path("next").isNull()).isTrue();
            Thread.sleep(500);
            assertThat(receiver.received)
                    .as("the team's creation is not a type asked for")
                    .hasSize(1);

            // a tampered body fails the same verifier
            assertThatThrownBy(() -> new Webhook(secret).verify(delivery.body() + " ", delivery.headers()))
                    .isInstanceOf(com.svix.exceptions.WebhookVerificationException.class);
        }
    }

    @Test
    void anEndpointSubscribedToAuditTakesTheAuditLogAsAStream() throws Exception {
        Tenant tenant = tenant();
        try (Receiver receiver = Receiver.ok()) {
            Api.Response created = api.post(tenant.path("/webhooks"))
                    .bearer(tenant.ownerToken())
                    .json(Map.of("url", receiver.url(), "eventTypes", List.of("audit.*"), "description", "SIEM"))
                    .send();
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String secret = created.json().path("secret").asText();
            String endpointId = created.json().path("id").asText();
            String userId = uniqueUser("hook-audited");
            String correlationId = "siem-" + userId;
            Api.Response added = api.post(tenant.path("/members"))
                    .bearer(tenant.ownerToken())
                    .header("X-Correlation-Id", correlationId)
                    .header("User-Agent", "SiemCheck/2")
                    .json(Map.of("userId", userId, "role", "MEMBER"))
                    .send();
            assertThat(added.status()).as(added.toString()).isEqualTo(201);

            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            await().atMost(Duration.ofSeconds(15))
                    .until(() ->
                            receiver.received.stream().anyMatch(r -> r.body().contains(correlationId)));
            for (Receiver.Received delivery : receiver.received) {
                new Webhook(secret).verify(delivery.body(), delivery.headers());
                assertThat(json.readTree(delivery.body()).path("type").asText())
                        .as("only audit entries: the endpoint asked for audit.*")
                        .startsWith("io.tenantry.audit.");
            }
            Receiver.Received entry = receiver.received.stream()
                    .filter(r -> r.body().contains(correlationId))
                    .findFirst()
                    .orElseThrow();
            JsonNode body = json.readTree(entry.body());
            assertThat(body.path("type").asText()).isEqualTo("io.tenantry.audit.member-added.v1");
            assertThat(body.path("subject").asText()).isEqualTo(tenant.id());
            JsonNode data = body.path("data");
            assertThat(data.path("actorId").asText()).isEqualTo(tenant.owner());
            assertThat(data.path("actorType").asText()).isEqualTo("USER");
            assertThat(data.path("targetType").asText()).isEqualTo("user");
            assertThat(data.path("targetId").asText()).isEqualTo(userId);
            assertThat(data.path("correlationId").asText()).isEqualTo(correlationId);
            assertThat(data.path("userAgent").asText()).isEqualTo("SiemCheck/2");
            assertThat(data.path("originIp").asText()).isNotBlank();
            // the same entry as the tenant's audit log lists, under the event's id
            JsonNode log = awaitRead(
                    tenant.path("/audit-log?action=member-added&actor=" + tenant.owner()),
                    tenant.ownerToken(),
                    page -> page.toString().contains(correlationId));
            assertThat(log.toString()).contains(body.path("id").asText());
            JsonNode deliveries = awaitRead(
                    tenant.path("/webhooks/" + endpointId + "/deliveries?limit=200"),
                    tenant.ownerToken(),
                    page -> page.toString().contains("io.tenantry.audit.member-added.v1"));
            assertThat(deliveries.toString()).doesNotContain("io.tenantry.tenant.");
        }
    }

    @Test
    void failedAttemptsAreRetriedWithTheSameIdAndGrowingBackOff() throws Exception {
        Tenant tenant = tenant();
        try (Receiver receiver = new Receiver(n -> n < 4 ? 500 : 200)) {
            Created endpoint = create(tenant, receiver.url(), List.of("tenant.member-added"));
            addMember(tenant, "MEMBER");
            await().atMost(Duration.ofSeconds(15)).until(() -> receiver.received.size() >= 5);
            List<Receiver.Received> attempts = receiver.received.subList(0, 5);
            assertThat(attempts.stream().map(a -> a.header("webhook-id")).distinct())
                    .hasSize(1);
            for (Receiver.Received attempt : attempts) {
                new Webhook(endpoint.secret()).verify(attempt.body(), attempt.headers());
                assertThat(Long.parseLong(attempt.header("webhook-timestamp")))
                        .isBetween(
                                attempt.at().getEpochSecond() - 1, attempt.at().getEpochSecond());
            }
            // full jitter below 100 ms doubled per attempt (400 ms at most): every gap within its ceiling
            for (int i = 1; i < attempts.size(); i++) {
                long gap = Duration.between(
                                attempts.get(i - 1).at(), attempts.get(i).at())
                        .toMillis();
                assertThat(gap).isLessThan(Math.min(400, 100L << (i - 1)) + 500);
            }
            JsonNode item = awaitRead(
                            tenant.path("/webhooks/" + endpoint.id() + "/deliveries?status=DELIVERED"),
                            tenant.ownerToken(),
                            page -> page.path("items").size() == 1)
                    .path("items")
                    .get(0);
            assertThat(item.path("attempts").asInt()).isEqualTo(5);
            assertProblem(
                    api.get(tenant.path("/webhooks/" + endpoint.id() + "/deliveries?status=LOST"))
                            .bearer(tenant.ownerToken())
                            .send(),
                    400,
                    "invalid_delivery_status");
        }
    }

    @Test
    void anEndpointThatAlwaysFailsIsGivenUpOnThenDisabledWithAMail() throws Exception {
        Tenant tenant = tenant();
        try (Receiver receiver = new Receiver(n -> 503)) {
            Created endpoint = create(tenant, receiver.url(), List.of("tenant.member-added"));
            addMember(tenant, "MEMBER");
            JsonNode failed = await().atMost(Duration.ofSeconds(20))
                    .until(
                            () -> api.get(tenant.path("/webhooks/" + endpoint.id() + "/deliveries?status=FAILED"))
                                    .bearer(tenant.ownerToken())
                                    .send()
                                    .json(),
                            page -> page.path("items").size() == 1);
            assertThat(failed.path("items").get(0).path("lastResponseCode").asInt())
                    .isEqualTo(503);
            assertThat(failed.path("items").get(0).path("lastError").asText())
                    .contains("HTTP 503")
                    .contains("answer 503");
            JsonNode disabled = await().atMost(Duration.ofSeconds(20))
                    .until(
                            () -> api.get(tenant.path("/webhooks/" + endpoint.id()))
                                    .bearer(tenant.ownerToken())
                                    .send()
                                    .json(),
                            view -> view.path("status").asText().equals("DISABLED"));
            assertThat(disabled.path("disabledReason").asText()).isEqualTo("FAILING");
            assertThat(TestMail.awaitMessageTo(tenant.contact(), "Webhook endpoint disabled")
                            .getContent()
                            .toString())
                    .contains(endpoint.id());

            // enabled again, it receives what comes next
            assertThat(api.post(tenant.path("/webhooks/" + endpoint.id() + "/enable"))
                            .bearer(tenant.ownerToken())
                            .send()
                            .status())
                    .isEqualTo(204);
            assertThat(api.get(tenant.path("/webhooks/" + endpoint.id()))
                            .bearer(tenant.ownerToken())
                            .send()
                            .json()
                            .path("status")
                            .asText())
                    .isEqualTo("ENABLED");
        }
    }

    @Test
    void aDeliveryIsResentAndEventsReplayedWithTheirIds() throws Exception {
        Tenant tenant = tenant();
        try (Receiver receiver = Receiver.ok()) {
            Created endpoint = create(tenant, receiver.url(), List.of("tenant.member-added.v1"));
            Instant before = Instant.now();
            addMember(tenant, "MEMBER");
            await().atMost(Duration.ofSeconds(15)).until(() -> receiver.received.size() == 1);
            String webhookId = receiver.received.get(0).header("webhook-id");

            Api.Response resent = api.post(
                            tenant.path("/webhooks/" + endpoint.id() + "/deliveries/" + webhookId + "/resend"))
                    .bearer(tenant.ownerToken())
                    .send();
            assertThat(resent.status()).as(resent.toString()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(15)).until(() -> receiver.received.size() == 2);
            assertThat(receiver.received.get(1).header("webhook-id")).isEqualTo(webhookId);
            assertProblem(
                    api.post(tenant.path("/webhooks/" + endpoint.id() + "/deliveries/msg_nothing/resend"))
                            .bearer(tenant.ownerToken())
                            .send(),
                    404,
                    "delivery_not_found");

            // from a time: the member added since (the owner was added before it)
            Api.Response byTime = api.post(tenant.path("/webhooks/" + endpoint.id() + "/replay"))
                    .bearer(tenant.ownerToken())
                    .json(Map.of("fromTime", before.toString()))
                    .send();
            assertThat(byTime.status()).as(byTime.toString()).isEqualTo(202);
            assertThat(byTime.json().path("queued").asInt()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(15)).until(() -> receiver.received.size() == 3);
            assertThat(receiver.received.get(2).header("webhook-id")).isEqualTo(webhookId);

            // from the start: the owner's addition too, older than the endpoint
            Api.Response fromStart = api.post(tenant.path("/webhooks/" + endpoint.id() + "/replay"))
                    .bearer(tenant.ownerToken())
                    .json(Map.of("fromPosition", 0))
                    .send();
            assertThat(fromStart.json().path("queued").asInt()).isEqualTo(2);
            await().atMost(Duration.ofSeconds(15)).until(() -> receiver.received.size() == 5);
            assertProblem(
                    api.post(tenant.path("/webhooks/" + endpoint.id() + "/replay"))
                            .bearer(tenant.ownerToken())
                            .json(Map.of())
                            .send(),
                    400,
                    "invalid_replay");
        }
    }

    @Test
    void duringARotationBothSecretsSign() throws Exception {
        Tenant tenant = tenant();
        try (Receiver receiver = Receiver.ok()) {
            Created endpoint = create(tenant, receiver.url(), List.of("*"));
            Api.Response rotated = api.post(tenant.path("/webhooks/" + endpoint.id() + "/rotate-secret"))
                    .bearer(tenant.ownerToken())
                    .send();
            assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
            assertThat(rotated.header("Cache-Control")).contains("no-store");
            String fresh = rotated.json().path("secret").asText();
            assertThat(fresh).startsWith("whsec_").isNotEqualTo(endpoint.secret());
            assertThat(Instant.parse(
                            rotated.json().path("previousSecretValidUntil").asText()))
                    .isBetween(
                            Instant.now().plus(Duration.ofHours(23)),
                            Instant.now().plus(Duration.ofHours(25)));

            addMember(tenant, "ADMIN");
            await().atMost(Duration.ofSeconds(15))
                    .until(() ->
                            receiver.received.stream().anyMatch(r -> r.body().contains("member-added")));
            Receiver.Received delivery = receiver.received.stream()
                    .filter(r -> r.body().contains("member-added"))
                    .findFirst()
                    .orElseThrow();
            assertThat(delivery.header("webhook-signature").split(" "))
                    .hasSize(2)
                    .allMatch(s -> s.startsWith("v1,"));
            new Webhook(fresh).verify(delivery.body(), delivery.headers());
            new Webhook(endpoint.secret()).verify(delivery.body(), delivery.headers());
            assertThatThrownBy(() -> new Webhook("whsec_" + Base64.getEncoder().encodeToString(new byte[32]))
                            .verify(delivery.body(), delivery.headers()))
                    .isInstanceOf(com.svix.exceptions.WebhookVerificationException.class);
        }
    }

    @Test
    void aHangingEndpointHoldsUpNoOtherAndRedirectsAreNotFollowed() throws Exception {
        Tenant tenant = tenant();
        try (Receiver hanging = new Receiver(n -> 0);
                Receiver healthy = Receiver.ok();
                Receiver redirecting = new Receiver(n -> 302)) {
            create(tenant, hanging.url(), List.of("tenant.member-role-changed"));
            create(tenant, healthy.url(), List.of("tenant.member-role-changed"));
            Created redirect = create(tenant, redirecting.url(), List.of("tenant.member-role-changed"));
            String member = addMember(tenant, "MEMBER");
            for (int i = 0; i < 25; i++) {
                changeRole(tenant, member, i % 2 == 0 ? "ADMIN" : "MEMBER");
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> healthy.received.size() == 25);
            assertThat(hanging.received.size()).isLessThanOrEqualTo(16);
            JsonNode item = awaitRead(
                            tenant.path("/webhooks/" + redirect.id() + "/deliveries"),
                            tenant.ownerToken(),
                            page -> page.path("items").size() > 0
                                    && page.path("items")
                                                    .get(0)
                                                    .path("attempts")
                                                    .asInt()
                                            > 0)
                    .path("items")
                    .get(0);
            assertThat(item.path("lastResponseCode").asInt()).isEqualTo(302);
            assertThat(item.path("lastError").asText()).contains("redirect");
        }
    }

    @Test
    void platformEndpointsReceiveEveryTenantsEventsAndOnlyPartnerAdminsManageThem() throws Exception {
        Tenant tenant = tenant();
        String admin = partnerAdmin();
        try (Receiver receiver = Receiver.ok()) {
            assertProblem(
                    api.post("/api/webhooks/endpoints")
                            .bearer(tenant.ownerToken())
                            .json(Map.of("url", receiver.url(), "eventTypes", List.of("*")))
                            .send(),
                    403,
                    "forbidden");
            Api.Response created = api.post("/api/webhooks/endpoints")
                    .bearer(admin)
                    .json(Map.of("url", receiver.url(), "eventTypes", List.of("tenant.member-added")))
                    .send();
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(created.json().path("tenantId").isNull()).isTrue();
            String secret = created.json().path("secret").asText();
            String member = addMember(tenant, "MEMBER");
            await().atMost(Duration.ofSeconds(15))
                    .until(() ->
                            receiver.received.stream().anyMatch(r -> r.body().contains(member)));
            Receiver.Received delivery = receiver.received.stream()
                    .filter(r -> r.body().contains(member))
                    .findFirst()
                    .orElseThrow();
            new Webhook(secret).verify(delivery.body(), delivery.headers());
            String id = created.json().path("id").asText();
            assertThat(api.get("/api/webhooks/endpoints/" + id + "/deliveries")
                            .bearer(admin)
                            .send()
                            .status())
                    .isEqualTo(200);
            assertThat(api.post("/api/webhooks/endpoints/" + id + "/disable")
                            .bearer(admin)
                            .send()
                            .status())
                    .isEqualTo(204);
            assertThat(api.call("DELETE", "/api/webhooks/endpoints/" + id)
                            .bearer(admin)
                            .send()
                            .status())
                    .isEqualTo(204);
            assertProblem(
                    api.post("/api/webhooks/endpoints/" + id + "/enable")
                            .bearer(admin)
                            .send(),
                    404,
                    "not_found");
        }
    }

    @Test
    void onlyManagersOfTheTenantManageItsWebhooksAndBadInputIsAProblem() throws Exception {
        Tenant tenant = tenant();
        Tenant other = tenant();
        String member = addMember(tenant, "MEMBER");
        Map<String, Object> body = Map.of("url", "https://hooks.example.com/t", "eventTypes", List.of("tenant.*"));
        assertProblem(
                api.post(tenant.path("/webhooks"))
                        .bearer(api.token(member))
                        .json(body)
                        .send(),
                403,
                "insufficient_role");
        assertProblem(
                api.post(tenant.path("/webhooks"))
                        .bearer(other.ownerToken())
                        .json(body)
                        .send(),
                404,
                "tenant_not_found");
        assertThat(api.post(tenant.path("/webhooks"))
                        .bearer(partnerAdmin())
                        .json(body)
                        .send()
                        .status())
                .isEqualTo(201);
        assertProblem(
                api.post(tenant.path("/webhooks"))
                        .bearer(tenant.ownerToken())
                        .json(Map.of("url", "https://hooks.example.com/t", "eventTypes", List.of("tenant..x")))
                        .send(),
                400,
                "invalid_event_types");
        assertProblem(
                api.post(tenant.path("/webhooks"))
                        .bearer(tenant.ownerToken())
                        .json(Map.of("url", "ftp://hooks.example.com/t", "eventTypes", List.of("*")))
                        .send(),
                422,
                "invalid_webhook_url");
        assertProblem(
                api.post(tenant.path("/webhooks"))
                        .bearer(tenant.ownerToken())
                        .json(Map.of("url", "https://hooks.example.com/t", "eventTypes", List.of()))
                        .send(),
                400,
                "validation_failed");
        assertProblem(
                api.post(tenant.path("/webhooks/ep_unknown/disable"))
                        .bearer(tenant.ownerToken())
                        .send(),
                404,
                "webhook_not_found");
    }

    record Created(String id, String secret) {}

    private Created create(Tenant tenant, String url, List<String> types) {
        Api.Response created = api.post(tenant.path("/webhooks"))
                .bearer(tenant.ownerToken())
                .json(Map.of("url", url, "eventTypes", types))
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Created(
                created.json().path("id").asText(),
                created.json().path("secret").asText());
    }

    private Tenant tenant() {
        String owner = uniqueUser("hook-owner");
        String token = api.token(owner);
        String slug = uniqueSlug("hooks");
        String contact = "hooks-" + UUID.randomUUID() + "@acme.example";
        Api.Response created = api.post("/api/tenants")
                .bearer(token)
                .json(Map.of(
                        "name",
                        "Hooks " + slug,
                        "slug",
                        slug,
                        "tier",
                        "POOLED",
                        "contacts",
                        List.of(Map.of("name", "Ann", "email", contact, "primary", true))))
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asText();
        awaitRead("/api/tenants/" + id + "/members/" + owner, token, member -> true);
        return new Tenant(id, owner, token, contact);
    }

    private String addMember(Tenant tenant, String role) {
        String userId = uniqueUser("hook-" + role.toLowerCase());
        Api.Response added = api.post(tenant.path("/members"))
                .bearer(tenant.ownerToken())
                .json(Map.of("userId", userId, "role", role))
                .send();
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        awaitRead(tenant.path("/members/" + userId), tenant.ownerToken(), member -> true);
        return userId;
    }

    private void changeRole(Tenant tenant, String userId, String role) {
        Api.Response changed = api.call("PATCH", tenant.path("/members/" + userId))
                .bearer(tenant.ownerToken())
                .json(Map.of("role", role))
                .send();
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    }
}
