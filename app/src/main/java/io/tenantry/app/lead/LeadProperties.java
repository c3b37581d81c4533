package io.tenantry.app.lead;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tenantry.leads.*}: where the verification link points ({@code {leadId}} and {@code {code}} are filled in),
 * how long a code and a lead token last, and how many wrong codes lock a lead.
 */
@ConfigurationProperties("tenantry.leads")
public record LeadProperties(String verifyUrl, Duration codeTtl, Duration tokenTtl, Integer maxAttempts) {

    public LeadProperties {
        verifyUrl = verifyUrl == null ? "http://localhost:3000/onboarding/verify?lead={leadId}&code={code}" : verifyUrl;
        codeTtl = codeTtl == null ? Duration.ofHours(24) : codeTtl;
        tokenTtl = tokenTtl == null ? Duration.ofHours(1) : tokenTtl;
        maxAttempts = maxAttempts == null ? 5 : maxAttempts;
    }
}
