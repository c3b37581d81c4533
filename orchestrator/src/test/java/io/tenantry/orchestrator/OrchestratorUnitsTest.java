package io.tenantry.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.orchestrator.ProvisioningRequest.Tier;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The parts of the orchestrator that need no database, broker or webhook: signing, naming, reading a request. */
class OrchestratorUnitsTest {

    private static final WebhookAnswers ANSWERS = new WebhookAnswers(
            HttpClient.newHttpClient(), () -> URI.create("http://localhost/"), "secret", Clock.systemUTC());

    @Test
    void signsAsTheWebhookVerifies() {
        // vectors from: printf '%s%s%s' "$BODY" "$CONTEXT" "$TS" | openssl dgst -sha256 -hmac secret -hex
        ProvisioningRequest provision = request(0, "ctx-1");
        String success = WebhookAnswers.body(provision, true, null);
        assertThat(success).isEqualTo("{\"status\":\"success\",\"initiatorId\":\"t-1\",\"type\":0}");
        assertThat(ANSWERS.sign(success, "ctx-1", "1700000000000"))
                .isEqualTo("64a9b26cbde3d5d754d568f4593bf9f22552439142c7ad126da323fb05c4380a");

        String failure = WebhookAnswers.body(request(1, "ctx-2"), false, "resource_conflict");
        assertThat(failure)
                .isEqualTo(
                        "{\"status\":\"failure\",\"initiatorId\":\"t-1\",\"type\":1,\"reason\":\"resource_conflict\"}");
        assertThat(ANSWERS.sign(failure, "ctx-2", "1700000000000"))
                .isEqualTo("86d38cb55da856ad46b40547d3320780149954843c5e36dcf3a633ec670212b8");
    }

    @Test
    void namesASiloAfterItsSlugWithinPostgresLimits() {
        assertThat(TenantResources.siloName("acme-corp", "id-1")).isEqualTo("tenant_acme_corp");
        String longSlug = "a".repeat(63);
        String name = TenantResources.siloName(longSlug, "id-1");
        assertThat(name).hasSize(63).startsWith("tenant_aaaa").matches("[a-z][a-z0-9_]*");
        assertThat(TenantResources.siloName(longSlug, "id-2"))
                .as("two tenants, two names")
                .isNotEqualTo(name);
    }

    @Test
    void derivesAStablePasswordPerRole() {
        TenantCredentials credentials = new TenantCredentials("secret");
        assertThat(credentials.passwordOf("tenant_a"))
                .isEqualTo(credentials.passwordOf("tenant_a"))
                .isNotEqualTo(credentials.passwordOf("tenant_b"))
                .isNotEqualTo(new TenantCredentials("other").passwordOf("tenant_a"))
                .matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void readsARequestAsTenantryPublishesIt() {
        ProvisioningRequest request = ProvisioningRequest.parse("""
                {"type":0,"tenantId":"t-1","slug":"acme","tier":"SILOED","planId":"free","contextId":"c-1",
                 "requestedAt":"2026-12-04T03:00:00Z"}""");
        assertThat(request)
                .isEqualTo(new ProvisioningRequest(
                        0, "t-1", "acme", Tier.SILOED, "free", "c-1", Instant.parse("2026-12-04T03:00:00Z")));
        assertThat(ProvisioningRequest.parse("""
                {"type":1,"tenantId":"t-1","slug":"acme","tier":"POOLED","contextId":"c-2","requestedAt":1764817200.5}""").requestedAt()).isEqualTo(Instant.parse("2025-12-04T03:00:00.500Z"));
        for (String bad : new String[] {
            "not json",
            "[]",
            "{\"type\":2,\"tenantId\":\"t\",\"slug\":\"s\",\"tier\":\"POOLED\",\"contextId\":\"c\"}",
            "{\"type\":0,\"slug\":\"s\",\"tier\":\"POOLED\",\"contextId\":\"c\"}",
            "{\"type\":0,\"tenantId\":\"t\",\"slug\":\"s\",\"tier\":\"GOLD\",\"contextId\":\"c\"}",
            "{\"type\":0,\"tenantId\":\"t\",\"slug\":\"s\",\"tier\":\"POOLED\"}"
        }) {
            assertThatThrownBy(() -> ProvisioningRequest.parse(bad))
                    .as(bad)
                    .isInstanceOf(ProvisioningRequest.InvalidRequestException.class);
        }
    }

    private static ProvisioningRequest request(int type, String contextId) {
        return new ProvisioningRequest(type, "t-1", "acme", Tier.POOLED, "free", contextId, Instant.now());
    }
}
