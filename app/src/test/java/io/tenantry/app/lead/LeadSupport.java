package io.tenantry.app.lead;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.app.test.Api;
import io.tenantry.app.test.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Registering leads and reading their verification mail, for the lead tests. */
public final class LeadSupport {

    private static final Pattern LINK = Pattern.compile("lead=([0-9a-f-]{36})&code=([A-Za-z0-9_-]+)");

    private LeadSupport() {}

    public record Registered(String leadId, String email, String code) {}

    public static String uniqueEmail() {
        return "lead-" + UUID.randomUUID() + "@example.com";
    }

    /** Registers a lead and fishes its code out of the mail it got. */
    public static Registered register(Api api, String email) {
        Api.Response created = api.post("/api/leads")
                .json(Map.of("name", "Lena Lead", "email", email, "companyName", "Lead Co"))
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("verificationSent").asBoolean()).isTrue();
        String leadId = created.json().path("id").asText();
        return new Registered(leadId, email, codeIn(TestMail.awaitMessageTo(email), leadId));
    }

    public static String codeIn(MimeMessage message, String leadId) {
        try {
            Matcher link = LINK.matcher(String.valueOf(message.getContent()));
            assertThat(link.find()).as("a verification link in the mail").isTrue();
            assertThat(link.group(1)).isEqualTo(leadId);
            return link.group(2);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String verify(Api api, Registered lead) {
        Api.Response verified = api.post("/api/leads/" + lead.leadId() + "/verify")
                .json(Map.of("code", lead.code()))
                .send();
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        return verified.json().path("token").asText();
    }
}
