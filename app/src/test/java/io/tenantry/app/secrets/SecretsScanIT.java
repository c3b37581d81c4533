package io.tenantry.app.secrets;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.stripe.Stripe;
import io.tenantry.app.embedded.DevJwtKeys;
import io.tenantry.app.embedded.DevPrivacySecret;
import io.tenantry.app.oauth.SigningKeys;
import io.tenantry.app.test.Api;
import io.tenantry.app.test.Auth0Fake;
import io.tenantry.app.test.IntegrationTest;
import io.tenantry.app.test.KeycloakServer;
import io.tenantry.app.test.ProvisioningOrchestrator;
import io.tenantry.app.test.StripeFake;
import io.tenantry.app.test.TestMail;
import io.tenantry.app.test.TokenExchanges;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A whole journey (a lead verified with its mailed code and converted; invitations mailed and accepted with their
 * tokens; a paid plan billed at the Stripe fake, reconciled and a signed Stripe webhook; the tenant set up in the real
 * Keycloak and in the Auth0 fake; provisioning answered by the signed orchestrator callback; JWTs throughout), then
 * every text and binary column of every table (the event store, snapshots, sagas, tokens, dead letters, read models,
 * scheduled tasks) and the log it wrote are searched for each secret it handled. None may be there.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsScanIT extends IntegrationTest {

    @Autowired
    private SigningKeys signingKeys;

    private static final Logger log = LoggerFactory.getLogger(SecretsScanIT.class);
    private static final Pattern VERIFY_LINK = Pattern.compile("lead=([0-9a-f-]{36})&code=([A-Za-z0-9_-]+)");
    private static final Pattern ACCEPT_LINK = Pattern.compile("invitation=([0-9a-f-]{36})&token=([A-Za-z0-9_-]+)");
    private static final List<String> NAMED_TABLES = List.of(
            "domain_event_entry",
            "snapshot_event_entry",
            "saga_entry",
            "association_value_entry",
            "token_entry",
            "dead_letter_entry",
            "scheduled_tasks");

    @Autowired
    private JdbcTemplate jdbc;

    /** Each secret by what it is; every one was used for real in the journey before it is looked for. */
    private final Map<String, String> secrets = new LinkedHashMap<>();

    @Test
    void aWholeJourneyLeavesNoSecretInTheDatabaseOrTheLog(CapturedOutput output) throws Exception {
        String tenantId = leadBecomesATenant();
        String ownerToken = secrets.get("JWT of the invited OWNER");
        inviteAndAccept(tenantId, ownerToken);
        payAtStripe(tenantId, ownerToken);
        setUpIdentityProviders(tenantId, ownerToken);
        provision(tenantId);
        secrets.put("Keycloak admin password", KeycloakServer.ADMIN_PASSWORD);
        secrets.put("Auth0 client secret", Auth0Fake.CLIENT_SECRET);
        secrets.put("Stripe API key", StripeFake.API_KEY);
        secrets.put("Stripe webhook secret", StripeFake.WEBHOOK_SECRET);
        secrets.put("provisioning webhook secret", ProvisioningOrchestrator.SECRET);
        Path dataDir = Path.of(environment.getRequiredProperty("tenantry.data-dir"));
        secrets.put(
                "privacy root secret",
                Files.readString(dataDir.resolve(DevPrivacySecret.DIRECTORY).resolve(DevPrivacySecret.FILE))
                        .strip());
        secrets.put(
                "JWT signing key (a line of its PEM)",
                pemLine(DevJwtKeys.directory(dataDir).resolve(DevJwtKeys.PRIVATE_KEY)));
        // the private part of the key that signs tenant tokens, after a token exchange used it
        exchangeForTenantToken(tenantId, ownerToken);
        secrets.put(
                "tenant-token signing key (private part)",
                signingKeys.signing().toJSONObject().get("d").toString());
        secrets.forEach((what, value) -> assertThat(value).as(what).hasSizeGreaterThanOrEqualTo(8));

        // the scans can find things: the tenant's id is in the event store, a canary in the log
        String canary = "secrets-scan-canary-" + UUID.randomUUID();
        log.info("Logged so the scan can show it reads the log: {}", canary);
        assertThat(findInDatabase(Map.of("the tenant id", tenantId)))
                .as("the scan finds what is there")
                .anyMatch(hit -> hit.contains("domain_event_entry"));
        assertThat(output.getAll()).contains(canary);

        Map<String, String> needles = new LinkedHashMap<>();
        secrets.forEach((what, value) -> {
            needles.put(what, value);
            needles.put(what + " (base64)", Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
        });
        assertThat(findInDatabase(needles)).as("secrets stored in the database").isEmpty();
        String logged = output.getAll();
        assertThat(needles.entrySet().stream()
                        .filter(needle -> logged.contains(needle.getValue()))
                        .map(Map.Entry::getKey)
                        .toList())
                .as("secrets in the log")
                .isEmpty();
    }

    private void exchangeForTenantToken(String tenantId, String subjectToken) {
        String tenantToken = TokenExchanges.tenantToken(api, subjectToken, "tenant:" + tenantId);
        assertThat(api.get("/api/tenants/" + tenantId)
                        .bearer(tenantToken)
                        .send()
                        .status())
                .isEqualTo(200);
    }

    /** register, read the code from the mail, verify (a lead JWT), convert; accept the OWNER invitation it mails. */
    private String leadBecomesATenant() throws Exception {
        String email = "secret-lead-" + UUID.randomUUID() + "@example.com";
        Api.Response created = api.post("/api/leads")
                .json(Map.of("name", "Sam Secret", "email", email, "companyName", "Secret Co"))
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String leadId = created.json().path("id").asText();
        Matcher verifyLink = VERIFY_LINK.matcher(
                String.valueOf(TestMail.awaitMessageTo(email).getContent()));
        assertThat(verifyLink.find()).isTrue();
        secrets.put("verification code", verifyLink.group(2));

        Api.Response verified = api.post("/api/leads/" + leadId + "/verify")
                .json(Map.of("code", verifyLink.group(2)))
                .send();
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        jwt("lead token", verified.json().path("token").asText());

        Api.Response tenant = api.post("/api/leads/" + leadId + "/tenants")
                .bearer(secrets.get("JWT of the lead token"))
                .json(Map.of("name", "Secret Co", "slug", uniqueSlug("secret"), "tier", "POOLED"))
                .send();
        assertThat(tenant.status()).as(tenant.toString()).isEqualTo(201);
        String tenantId = tenant.json().path("id").asText();

        MimeMessage invitation = TestMail.awaitMessageTo(email, "You are invited to join");
        Matcher acceptLink = ACCEPT_LINK.matcher(String.valueOf(invitation.getContent()));
        assertThat(acceptLink.find()).isTrue();
        secrets.put("OWNER invitation token", acceptLink.group(2));
        jwt("invited OWNER", api.tokenWithEmail(uniqueUser("sam"), email));
        Api.Response accepted = api.post("/api/invitations/" + acceptLink.group(1) + "/accept")
                .bearer(secrets.get("JWT of the invited OWNER"))
                .json(Map.of("token", acceptLink.group(2)))
                .send();
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.json().path("role").asText()).isEqualTo("OWNER");
        awaitRead("/api/tenants/" + tenantId, secrets.get("JWT of the invited OWNER"), body -> true);
        return tenantId;
    }

    private void inviteAndAccept(String tenantId, String ownerToken) throws Exception {
        String email = "secret-admin-" + UUID.randomUUID() + "@example.com";
        Api.Response invited = api.post("/api/tenants/" + tenantId + "/invitations")
                .bearer(ownerToken)
                .json(Map.of("email", email, "role", "ADMIN"))
                .send();
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        Matcher link = ACCEPT_LINK.matcher(
                String.valueOf(TestMail.awaitMessageTo(email).getContent()));
        assertThat(link.find()).isTrue();
        secrets.put("ADMIN invitation token", link.group(2));
        jwt("invited ADMIN", api.tokenWithEmail(uniqueUser("ada"), email));
        Api.Response accepted = api.post("/api/invitations/" + link.group(1) + "/accept")
                .bearer(secrets.get("JWT of the invited ADMIN"))
                .json(Map.of("token", link.group(2)))
                .send();
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    }

    /** The team plan, billed at the Stripe fake with the API key; reconciled; a webhook signed with its secret. */
    private void payAtStripe(String tenantId, String ownerToken) {
        // the subscription is started by a saga moments after the tenant: wait for it before changing its plan
        awaitRead("/api/tenants/" + tenantId + "/subscription", ownerToken, body -> true);
        Api.Response changed = api.call("PUT", "/api/tenants/" + tenantId + "/subscription/plan")
                .bearer(ownerToken)
                .json(Map.of("planId", "team", "reason", "secrets journey"))
                .send();
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        JsonNode subscription = Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> api.get("/api/tenants/" + tenantId + "/subscription")
                                .bearer(ownerToken)
                                .send()
                                .json(),
                        body -> "STRIPE".equals(body.path("billingMode").asText()));
        String stripeSubscription = subscription.path("stripeSubscriptionId").asText();
        StripeFake.client()
                .register(get(urlPathEqualTo("/v1/subscriptions/" + stripeSubscription))
                        .willReturn(okJson(StripeFake.subscriptionJson(
                                stripeSubscription,
                                subscription.path("stripeCustomerId").asText(),
                                "active",
                                "si_secret",
                                "price_team_monthly"))));
        Api.Response reconciled = api.post("/api/tenants/" + tenantId + "/subscription/reconcile")
                .bearer(ownerToken)
                .send();
        assertThat(reconciled.status()).as(reconciled.toString()).isIn(200, 204);
        String invoiceId = "in_" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
        String payload = """
                {"id":"evt_%s","object":"event","api_version":"%s","created":1795400000,"type":"invoice.created",
                 "livemode":false,"pending_webhooks":1,"request":{"id":null,"idempotency_key":null},
                 "data":{"object":{"id":"%s","object":"invoice","customer":"%s","number":"SEC-0001","status":"open",
                 "amount_due":4900,"amount_paid":0,"currency":"usd","period_start":1795400000,"period_end":1798000000}}}""".formatted(
                        UUID.randomUUID().toString().replace("-", ""),
                        Stripe.API_VERSION,
                        invoiceId,
                        subscription.path("stripeCustomerId").asText());
        Api.Response delivered = api.post("/api/webhooks/stripe")
                .header("Stripe-Signature", StripeFake.signature(payload, StripeFake.WEBHOOK_SECRET))
                .json(payload)
                .send();
        assertThat(delivered.status()).as(delivered.toString()).isEqualTo(200);
        assertThat(delivered.json().path("outcome").asText()).isEqualTo("applied");
    }

    /** Keycloak (its admin password) for the lead's tenant, Auth0 (client secret, an admin password) for another. */
    private void setUpIdentityProviders(String tenantId, String ownerToken) throws Exception {
        jwt("partner-admin", partnerAdmin());
        String admin = secrets.get("JWT of the partner-admin");
        Api.Response keycloak = api.post("/api/tenants/" + tenantId + "/idp")
                .bearer(admin)
                .json(Map.of("identityProvider", "KEYCLOAK"))
                .send();
        assertThat(keycloak.status()).as(keycloak.toString()).isEqualTo(200);
        assertThat(keycloak.json().path("authId").asText()).isNotBlank();

        String adminEmail = "secret-auth0-" + UUID.randomUUID() + "@example.com";
        Api.Response other = api.post("/api/tenants")
                .bearer(ownerToken)
                .json(Map.of(
                        "name",
                        "Secret Auth0 Co",
                        "slug",
                        uniqueSlug("secret-auth0"),
                        "tier",
                        "POOLED",
                        "contacts",
                        List.of(Map.of("name", "Ann Admin", "email", adminEmail, "primary", true))))
                .send();
        assertThat(other.status()).as(other.toString()).isEqualTo(201);
        Api.Response auth0 = api.post("/api/tenants/" + other.json().path("id").asText() + "/idp")
                .bearer(admin)
                .json(Map.of("identityProvider", "AUTH0"))
                .send();
        assertThat(auth0.status()).as(auth0.toString()).isEqualTo(200);
        ObjectMapper json = new ObjectMapper();
        List<String> passwords = new ArrayList<>();
        for (LoggedRequest request : Auth0Fake.client().find(postRequestedFor(urlPathEqualTo("/api/v2/users")))) {
            JsonNode user = json.readTree(request.getBodyAsString());
            if (adminEmail.equals(user.path("email").asText())) {
                passwords.add(user.path("password").asText());
            }
        }
        assertThat(passwords)
                .as("the admin user Tenantry made at Auth0, with a password")
                .hasSize(1);
        secrets.put("Auth0 admin user's password", passwords.get(0));
    }

    /** The orchestrator asked over Kafka and its answer, signed with the webhook secret. */
    private void provision(String tenantId) {
        ProvisioningOrchestrator orchestrator =
                new ProvisioningOrchestrator(api, environment.getRequiredProperty("spring.kafka.bootstrap-servers"));
        String admin = secrets.get("JWT of the partner-admin");
        assertThat(api.post("/api/tenants/" + tenantId + "/provision")
                        .bearer(admin)
                        .send()
                        .status())
                .isEqualTo(202);
        String contextId =
                orchestrator.awaitRequest(tenantId, 1).path("contextId").asText();
        assertThat(orchestrator.answer(tenantId, true, 0, contextId).status()).isEqualTo(200);
        awaitRead(
                "/api/tenants/" + tenantId,
                admin,
                body -> "ACTIVE".equals(body.path("status").asText()));
    }

    /** A JWT used in the journey: the whole compact form, and its signature on its own. */
    private void jwt(String whose, String token) {
        String[] parts = token.split("\\.");
        assertThat(parts).as("a compact JWS: %s", whose).hasSize(3);
        secrets.put("JWT of the " + whose, token);
        secrets.put("JWT signature of the " + whose, parts[2]);
    }

    private static String pemLine(Path pem) throws Exception {
        return Files.readAllLines(pem).stream()
                .filter(line -> !line.startsWith("-----") && line.length() >= 40)
                .findFirst()
                .orElseThrow();
    }

    /**
     * Every table's text and binary columns, one pass per table: which needles are found where ("what in
     * table.column"). The named tables (event store, snapshots, sagas, tokens, dead letters, deadlines) must exist.
     */
    private List<String> findInDatabase(Map<String, String> needles) {
        List<Map<String, Object>> columns = jdbc.queryForList("""
                select table_schema, table_name, column_name, data_type from information_schema.columns
                where table_schema not in ('pg_catalog', 'information_schema')
                and data_type in ('text', 'character varying', 'character', 'bytea', 'json', 'jsonb')
                and table_name in (select table_name from information_schema.tables
                                   where table_type = 'BASE TABLE' and table_schema = columns.table_schema)
                order by table_schema, table_name, ordinal_position""");
        Map<String, List<Map<String, Object>>> byTable = columns.stream()
                .collect(Collectors.groupingBy(
                        column -> "\"" + column.get("table_schema") + "\".\"" + column.get("table_name") + "\"",
                        LinkedHashMap::new,
                        Collectors.toList()));
        assertThat(byTable.keySet().stream().map(name -> name.substring(name.lastIndexOf('.') + 2, name.length() - 1)))
                .containsAll(NAMED_TABLES);
        List<String> hits = new ArrayList<>();
        byTable.forEach((table, tableColumns) -> {
            List<String> counts = new ArrayList<>();
            List<Object> arguments = new ArrayList<>();
            for (String needle : needles.values()) {
                List<String> conditions = new ArrayList<>();
                for (Map<String, Object> column : tableColumns) {
                    String name = "\"" + column.get("column_name") + "\"";
                    if ("bytea".equals(column.get("data_type"))) {
                        conditions.add("position(convert_to(?, 'UTF8') in " + name + ") > 0");
                    } else {
                        conditions.add("position(? in " + name + "::text) > 0");
                    }
                    arguments.add(needle);
                }
                counts.add("count(*) filter (where " + String.join(" or ", conditions) + ") as n" + counts.size());
            }
            Map<String, Object> found =
                    jdbc.queryForMap("select " + String.join(", ", counts) + " from " + table, arguments.toArray());
            List<String> names = new ArrayList<>(needles.keySet());
            for (int i = 0; i < names.size(); i++) {
                long rows = ((Number) found.get("n" + i)).longValue();
                if (rows > 0) {
                    hits.add(names.get(i) + " in " + table + " (" + rows + " rows)");
                }
            }
        });
        return hits;
    }
}
