package io.tenantry.app.lead;

import static io.tenantry.app.test.ProblemAssertions.assertProblem;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.tenantry.app.test.IntegrationTest;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A lead token opens its own lead's onboarding endpoint and nothing else; nothing else opens that endpoint. */
class LeadTokenIT extends IntegrationTest {

    @Autowired
    private HmacLeadTokens leadTokens;

    @Test
    void isRefusedEverywhereButItsOwnOnboarding() {
        LeadSupport.Registered lead = LeadSupport.register(api, LeadSupport.uniqueEmail());
        String token = LeadSupport.verify(api, lead);

        assertProblem(api.get("/api/tenants").bearer(token).send(), 401, "unauthenticated");
        assertProblem(
                api.post("/api/tenants")
                        .bearer(token)
                        .json(Map.of("name", "X", "slug", uniqueSlug("x"), "tier", "POOLED"))
                        .send(),
                401,
                "unauthenticated");
        assertProblem(api.get("/api/leads/" + lead.leadId()).bearer(token).send(), 401, "unauthenticated");

        LeadSupport.Registered other = LeadSupport.register(api, LeadSupport.uniqueEmail());
        assertProblem(
                api.post("/api/leads/" + other.leadId() + "/tenants")
                        .bearer(token)
                        .json(onboarding())
                        .send(),
                403,
                "forbidden");
    }

    @Test
    void isTheOnlyTokenTheOnboardingEndpointTakes() throws Exception {
        String leadId = UUID.randomUUID().toString();
        String path = "/api/leads/" + leadId + "/tenants";

        assertProblem(api.post(path).json(onboarding()).send(), 401, "unauthenticated");
        assertProblem(
                api.post(path)
                        .bearer(api.token("lead:" + leadId, List.of("partner-admin"), List.of()))
                        .json(onboarding())
                        .send(),
                401,
                "unauthenticated");
        // expired beyond the 60 s clock skew the validator allows
        assertProblem(
                api.post(path)
                        .bearer(sign(leadId, "tenantry", Instant.now().minusSeconds(120)))
                        .json(onboarding())
                        .send(),
                401,
                "unauthenticated");
        assertProblem(
                api.post(path)
                        .bearer(sign(leadId, "someone-else", Instant.now().plusSeconds(600)))
                        .json(onboarding())
                        .send(),
                401,
                "unauthenticated");
    }

    private String sign(String leadId, String issuer, Instant expiresAt) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(leadId)
                .issuer(issuer)
                .audience(HmacLeadTokens.AUDIENCE)
                .issueTime(Date.from(expiresAt.minusSeconds(3600)))
                .expirationTime(Date.from(expiresAt))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(leadTokens.key()));
        return jwt.serialize();
    }

    private Map<String, Object> onboarding() {
        return Map.of("name", "Lead Co", "slug", uniqueSlug("lt"), "tier", "POOLED");
    }
}
