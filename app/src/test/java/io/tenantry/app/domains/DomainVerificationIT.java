package io.tenantry.app.domains;

import static io.tenantry.app.domains.DomainSupport.add;
import static io.tenantry.app.domains.DomainSupport.createTenant;
import static io.tenantry.app.domains.DomainSupport.history;
import static io.tenantry.app.domains.DomainSupport.uniqueDomain;
import static io.tenantry.app.domains.DomainSupport.verify;
import static io.tenantry.app.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.app.test.Api;
import io.tenantry.app.test.ChallengeServers;
import io.tenantry.app.test.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Verifying a tenant's e-mail domain over HTTP against real servers on loopback: Debian's dnsmasq answers the DNS TXT
 * lookups and a JDK HTTPS server the well-known file ({@link ChallengeServers}). A wrong or missing challenge is a 422
 * naming what was looked up, expected and found; one tenant holds a verified domain; public providers and what is no
 * domain are refused; a domain whose record goes away is unverified by its periodic re-verification (a db-scheduler
 * deadline, brought forward here rather than waited for).
 */
class DomainVerificationIT extends IntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    private String ownerToken;
    private String tenantId;

    @BeforeEach
    void tenant() {
        ownerToken = api.token(uniqueUser("owner"));
        tenantId = createTenant(api, ownerToken, null);
    }

    @Test
    void verifiesByDnsOnlyOnceTheRightValueIsPublished() {
        String domain = uniqueDomain("dns");
        JsonNode added = add(api, ownerToken, tenantId, domain.toUpperCase());
        assertThat(added.path("domain").asText()).isEqualTo(domain);
        assertThat(added.path("status").asText()).isEqualTo("PENDING");
        String challenge = added.path("challenge").path("value").asText();
        assertThat(challenge).startsWith("tenantry-verification=");
        assertThat(added.path("challenge").path("dnsName").asText()).isEqualTo("_tenantry-challenge." + domain);
        assertThat(added.path("challenge").path("httpsUrl").asText())
                .isEqualTo("https://" + domain + "/.well-known/tenantry-challenge.txt");

        // nothing published yet, then a wrong value: 422, what was looked up, expected and found
        ChallengeServers.requireDns();
        JsonNode missing = assertProblem(verify(api, ownerToken, tenantId, domain, "DNS"), 422, "domain_not_verified");
        assertThat(missing.path("checks").get(0).path("reason").asText()).isEqualTo("record_missing");
        ChallengeServers.publishTxt(domain, "tenantry-verification=someone-elses");
        JsonNode wrong = assertProblem(verify(api, ownerToken, tenantId, domain, null), 422, "domain_not_verified");
        assertThat(wrong.path("detail").asText()).contains("_tenantry-challenge." + domain, challenge);
        JsonNode dns = wrong.path("checks").get(0);
        assertThat(dns.path("method").asText()).isEqualTo("DNS");
        assertThat(dns.path("lookedUp").asText()).isEqualTo("TXT _tenantry-challenge." + domain);
        assertThat(dns.path("expected").asText()).isEqualTo(challenge);
        assertThat(dns.path("found").get(0).asText()).isEqualTo("tenantry-verification=someone-elses");
        assertThat(dns.path("reason").asText()).isEqualTo("value_mismatch");
        assertThat(wrong.path("checks").get(1).path("method").asText())
                .as("without a method, HTTPS is tried as well")
                .isEqualTo("HTTPS");

        ChallengeServers.publishTxt(domain, challenge);
        Api.Response verified = verify(api, ownerToken, tenantId, domain, null);
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(verified.json().path("status").asText()).isEqualTo("VERIFIED");
        assertThat(verified.json().path("method").asText()).isEqualTo("DNS");
        // verified already: answered as it is, nothing recorded again
        assertThat(verify(api, ownerToken, tenantId, domain, null).status()).isEqualTo(200);

        JsonNode listed = awaitRead(
                        "/api/tenants/" + tenantId + "/domains",
                        ownerToken,
                        page -> page.path("items").size() == 1
                                && page.path("items")
                                        .get(0)
                                        .path("status")
                                        .asText()
                                        .equals("VERIFIED"))
                .path("items")
                .get(0);
        assertThat(listed.path("domain").asText()).isEqualTo(domain);
        assertThat(listed.path("method").asText()).isEqualTo("DNS");
        assertThat(listed.path("joinPolicy").asText()).isEqualTo("OFF");
        assertThat(Instant.parse(listed.path("verifiedAt").asText())).isBefore(Instant.now());
        assertThat(history(api, partnerAdmin(), tenantId))
                .containsSubsequence("TenantDomainAddedEvent", "TenantDomainVerifiedEvent")
                .containsOnlyOnce("TenantDomainVerifiedEvent");
    }

    @Test
    void verifiesByTheWellKnownFileOverHttps() {
        String domain = uniqueDomain("https");
        String challenge = add(api, ownerToken, tenantId, domain)
                .path("challenge")
                .path("value")
                .asText();

        ChallengeServers.serveFile(domain, "not the challenge");
        JsonNode wrong = assertProblem(verify(api, ownerToken, tenantId, domain, "HTTPS"), 422, "domain_not_verified");
        assertThat(wrong.path("checks")).hasSize(1);
        assertThat(wrong.path("checks").get(0).path("lookedUp").asText())
                .startsWith("GET https://" + domain + ":")
                .endsWith("/.well-known/tenantry-challenge.txt");
        assertThat(wrong.path("checks").get(0).path("reason").asText()).isEqualTo("content_mismatch");
        assertThat(wrong.path("checks").get(0).path("found").get(0).asText()).isEqualTo("not the challenge");

        ChallengeServers.serveFile(domain, challenge + "\n");
        Api.Response verified = verify(api, ownerToken, tenantId, domain, "HTTPS");
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(verified.json().path("method").asText()).isEqualTo("HTTPS");
    }

    @Test
    void aDomainBelongsToOneTenantAtATime() {
        String otherOwner = api.token(uniqueUser("other-owner"));
        String other = createTenant(api, otherOwner, null);
        String domain = uniqueDomain("taken");
        String otherChallenge = add(api, otherOwner, other, domain)
                .path("challenge")
                .path("value")
                .asText();

        String verified = verifiedDomainOf(domain);
        assertThat(verified).isEqualTo(domain);
        ChallengeServers.publishTxt(domain, otherChallenge);
        JsonNode taken = assertProblem(verify(api, otherOwner, other, domain, "DNS"), 409, "domain_taken");
        assertThat(taken.path("domain").asText()).isEqualTo(domain);
        // a third tenant cannot even add it while it is held
        String thirdOwner = api.token(uniqueUser("third-owner"));
        String third = createTenant(api, thirdOwner, null);
        assertProblem(
                api.post("/api/tenants/" + third + "/domains")
                        .bearer(thirdOwner)
                        .json(Map.of("domain", domain))
                        .send(),
                409,
                "domain_taken");

        // removed by its holder, the domain is free for the other tenant
        assertThat(api.call("DELETE", "/api/tenants/" + tenantId + "/domains/" + domain)
                        .bearer(ownerToken)
                        .send()
                        .status())
                .isEqualTo(204);
        Api.Response now = verify(api, otherOwner, other, domain, "DNS");
        assertThat(now.status()).as(now.toString()).isEqualTo(200);
    }

    @Test
    void refusesPublicProvidersAndWhatIsNoDomain() {
        JsonNode gmail = assertProblem(
                api.post("/api/tenants/" + tenantId + "/domains")
                        .bearer(ownerToken)
                        .json(Map.of("domain", "GMAIL.com"))
                        .send(),
                422,
                "public_email_domain");
        assertThat(gmail.path("domain").asText()).isEqualTo("gmail.com");
        for (String notADomain : new String[] {"localhost", "192.168.1.10", "acme_corp.com", "::1"}) {
            assertProblem(
                    api.post("/api/tenants/" + tenantId + "/domains")
                            .bearer(ownerToken)
                            .json(Map.of("domain", notADomain))
                            .send(),
                    400,
                    "invalid_domain");
        }
        // an internationalised name is kept as its punycode
        assertThat(add(api, ownerToken, tenantId, "Bücher.Example")
                        .path("domain")
                        .asText())
                .isEqualTo("xn--bcher-kva.example");
        assertProblem(verify(api, ownerToken, tenantId, "never-added.example.com", null), 404, "domain_not_found");
    }

    @Test
    void aDomainThatStopsVerifyingIsUnverifiedByItsReverification() {
        String domain = verifiedDomainOf(uniqueDomain("lapsing"));
        ChallengeServers.withdrawTxt(domain);

        // the re-verification is a deadline a day away: bring it forward each time until the tenant gives up
        await().atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    jdbc.update("""
                            update scheduled_tasks set execution_time = now()
                            where position(convert_to(?, 'UTF8') in task_data) > 0 and not picked""", domain);
                    return history(api, partnerAdmin(), tenantId).contains("TenantDomainUnverifiedEvent");
                });
        assertThat(history(api, partnerAdmin(), tenantId))
                .containsSubsequence(
                        "TenantDomainVerifiedEvent",
                        "TenantDomainRecheckedEvent",
                        "TenantDomainRecheckedEvent",
                        "TenantDomainRecheckedEvent",
                        "TenantDomainUnverifiedEvent");
        JsonNode listed = awaitRead(
                        "/api/tenants/" + tenantId + "/domains",
                        ownerToken,
                        page -> page.path("items")
                                .get(0)
                                .path("status")
                                .asText()
                                .equals("UNVERIFIED"))
                .path("items")
                .get(0);
        assertThat(listed.path("failures").asInt()).isEqualTo(3);
        // nothing left to re-verify
        await().atMost(Duration.ofSeconds(10)).until(() -> scheduledFor(domain) == 0);
    }

    private String verifiedDomainOf(String domain) {
        String challenge = add(api, ownerToken, tenantId, domain)
                .path("challenge")
                .path("value")
                .asText();
        ChallengeServers.publishTxt(domain, challenge);
        Api.Response verified = verify(api, ownerToken, tenantId, domain, "DNS");
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        return domain;
    }

    private long scheduledFor(String domain) {
        Long scheduled = jdbc.queryForObject(
                "select count(*) from scheduled_tasks where position(convert_to(?, 'UTF8') in task_data) > 0",
                Long.class,
                domain);
        return scheduled == null ? 0 : scheduled;
    }
}
