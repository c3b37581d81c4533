package io.tenantry.app.web;

import static io.tenantry.app.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantry.app.test.Api;
import io.tenantry.app.test.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bad input of every kind is refused as problem+json, with field errors where there is a field to name, and changes
 * nothing: oversize bodies (declared and chunked) 413, wrong content types 415, malformed JSON, unknown fields and
 * wrong types 400, wrong methods 405, unacceptable media types 406.
 */
class BadInputIT extends IntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private HttpProperties limits;

    private RawHttp raw;
    private CausedEvents events;
    private String owner;

    @BeforeEach
    void setUp() {
        raw = new RawHttp(port);
        events = new CausedEvents(jdbc);
        owner = api.token(uniqueUser("owner"));
    }

    private Map<String, String> headers(String... nameValues) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + owner);
        headers.put(CorrelationIdFilter.HEADER, "bad-input-" + UUID.randomUUID());
        for (int i = 0; i < nameValues.length; i += 2) {
            headers.put(nameValues[i], nameValues[i + 1]);
        }
        return headers;
    }

    /** Sends, checks the refusal and that the request caused no event. */
    private JsonNode refused(
            String method,
            String path,
            Map<String, String> headers,
            byte[] body,
            boolean chunked,
            int status,
            String code) {
        long mark = events.mark();
        Api.Response response = raw.send(method, path, headers, body, chunked);
        JsonNode problem = assertProblem(response, status, code);
        assertThat(response.header(CorrelationIdFilter.HEADER)).hasValue(headers.get(CorrelationIdFilter.HEADER));
        assertThat(events.since(mark, headers.get(CorrelationIdFilter.HEADER)))
                .as("events of a refused request")
                .isEmpty();
        return problem;
    }

    private static byte[] tenantBody(String slug, int nameLength) {
        return ("{\"name\":\"" + "n".repeat(nameLength) + "\",\"slug\":\"" + slug + "\",\"tier\":\"POOLED\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void takesAChunkedBodyUnderTheLimitAndSeesTheEventsItCauses() {
        Map<String, String> headers = headers("Content-Type", "application/json");
        long mark = events.mark();
        Api.Response created = raw.send("POST", "/api/tenants", headers, tenantBody(uniqueSlug("chunked"), 10), true);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(events.since(mark, headers.get(CorrelationIdFilter.HEADER)))
                .as("what the no-event checks below look for is there when a request does change something")
                .contains("io.tenantry.contracts.tenant.TenantCreatedEvent");
    }

    @Test
    void refusesADeclaredOversizeBodyWith413BeforeAuthentication() {
        long limit = limits.maxBodySize().toBytes();
        assertThat(limit).isEqualTo(1024 * 1024);
        String slug = uniqueSlug("huge");
        byte[] body = tenantBody(slug, (int) limit);

        JsonNode problem = refused(
                "POST",
                "/api/tenants",
                headers("Content-Type", "application/json"),
                body,
                false,
                413,
                "payload_too_large");
        assertThat(problem.path("detail").asText()).contains(Long.toString(limit));
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("body");

        Map<String, String> anonymous = headers("Content-Type", "application/json");
        anonymous.remove("Authorization");
        refused("POST", "/api/leads", anonymous, body, false, 413, "payload_too_large");
        refused("POST", "/api/webhooks/stripe", anonymous, body, false, 413, "payload_too_large");
        assertProblem(api.get("/api/tenants/by-slug/" + slug).bearer(owner).send(), 404, "tenant_not_found");
    }

    @Test
    void refusesAChunkedOversizeBodyOnceItPassesTheLimit() {
        long limit = limits.maxBodySize().toBytes();
        String slug = uniqueSlug("chunky");
        refused(
                "POST",
                "/api/tenants",
                headers("Content-Type", "application/json"),
                tenantBody(slug, (int) (limit + limit / 2)),
                true,
                413,
                "payload_too_large");
        // a String body (the webhooks) is read through the same limit
        Map<String, String> anonymous = headers("Content-Type", "application/json");
        anonymous.remove("Authorization");
        refused(
                "POST",
                "/api/webhooks/provisioning",
                anonymous,
                tenantBody(slug, (int) limit + 10),
                true,
                413,
                "payload_too_large");
        assertProblem(api.get("/api/tenants/by-slug/" + slug).bearer(owner).send(), 404, "tenant_not_found");
    }

    @Test
    void refusesBodiesThatAreNotJsonWith415() {
        byte[] body = tenantBody(uniqueSlug("typed"), 5);
        for (String type : new String[] {
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "application/octet-stream",
            "text/html; charset=UTF-8",
            "nonsense",
            "application/json; charset=no-such",
            "*/*",
            "application/*",
            "multipart/form-data",
            "multipart/form-data; boundary=x"
        }) {
            JsonNode problem = refused(
                    "POST", "/api/tenants", headers("Content-Type", type), body, false, 415, "unsupported_media_type");
            assertThat(problem.path("detail").asText()).as(type).isNotBlank();
        }
        refused("POST", "/api/tenants", headers(), body, false, 415, "unsupported_media_type");
        // a form body is never parsed, however broken its encoding
        byte[] brokenForm = utf8("email=%' AND 1=1 AND '%'='");
        refused(
                "PATCH",
                "/api/tenants/" + UUID.randomUUID(),
                headers("Content-Type", "application/x-www-form-urlencoded"),
                brokenForm,
                false,
                415,
                "unsupported_media_type");
        refused(
                "POST",
                "/api/webhooks/stripe",
                headers("Content-Type", "application/x-www-form-urlencoded"),
                utf8("{\"id\":\"evt_x\u0001\"}"),
                false,
                415,
                "unsupported_media_type");
        refused(
                "POST",
                "/api/webhooks/provisioning",
                headers("Content-Type", "text/plain"),
                utf8("{}"),
                false,
                415,
                "unsupported_media_type");
        refused(
                "DELETE",
                "/api/privacy/subjects",
                headers(
                        "Content-Type",
                        "application/x-www-form-urlencoded",
                        "Authorization",
                        "Bearer " + partnerAdmin()),
                brokenForm,
                false,
                400,
                "bad_request");
    }

    @Test
    void refusesMalformedJsonWithTheBodyAsTheField() {
        for (String json :
                new String[] {"{\"name\": ", "not json", "{\"name\": \"x\",}", "", "null", "\"just a string\""}) {
            JsonNode problem = refused(
                    "POST",
                    "/api/tenants",
                    headers("Content-Type", "application/json"),
                    utf8(json),
                    false,
                    400,
                    "malformed_body");
            assertThat(problem.path("errors").get(0).path("field").asText())
                    .as(json)
                    .isEqualTo("body");
        }
        byte[] notUtf8 = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        refused(
                "POST",
                "/api/tenants",
                headers("Content-Type", "application/json"),
                notUtf8,
                false,
                400,
                "malformed_body");
        String deep = "[".repeat(5000) + "]".repeat(5000);
        refused(
                "POST",
                "/api/tenants",
                headers("Content-Type", "application/json"),
                utf8("{\"name\":\"x\",\"slug\":\"deep-one\",\"tier\":\"POOLED\",\"settings\":{\"a\":" + deep + "}}"),
                false,
                400,
                "validation_failed");
        refused(
                "POST",
                "/api/provisioning/tenants/bulk",
                headers("Content-Type", "application/json", "Authorization", "Bearer " + partnerAdmin("tenant:create")),
                utf8(deep),
                false,
                400,
                "malformed_body");
    }

    @Test
    void refusesUnknownFieldsAndWrongTypesFieldByField() {
        String slug = uniqueSlug("strict");
        JsonNode unknown = refused(
                "POST",
                "/api/tenants",
                headers("Content-Type", "application/json"),
                utf8("{\"name\":\"Strict\",\"slug\":\"" + slug + "\",\"tier\":\"POOLED\",\"colour\":\"red\"}"),
                false,
                400,
                "validation_failed");
        assertThat(unknown.path("errors").get(0).path("field").asText()).isEqualTo("colour");

        JsonNode wrongType = refused(
                "POST",
                "/api/tenants",
                headers("Content-Type", "application/json"),
                utf8("{\"name\":\"Strict\",\"slug\":\"" + slug + "\",\"tier\":[\"POOLED\"]}"),
                false,
                400,
                "validation_failed");
        assertThat(wrongType.path("errors").get(0).path("field").asText()).isEqualTo("tier");

        String huge = "GOLD" + "x".repeat(5000);
        JsonNode badEnum = refused(
                "POST",
                "/api/tenants",
                headers("Content-Type", "application/json"),
                utf8("{\"name\":\"Strict\",\"slug\":\"" + slug + "\",\"tier\":\"" + huge + "\"}"),
                false,
                400,
                "validation_failed");
        assertThat(badEnum.path("errors").get(0).path("message").asText())
                .as("the value sent, cut short, and the allowed")
                .contains("GOLDxxx")
                .contains("POOLED")
                .hasSizeLessThan(200);

        JsonNode nested = refused(
                "POST",
                "/api/tenants",
                headers("Content-Type", "application/json"),
                utf8("{\"name\":\"Strict\",\"slug\":\"" + slug + "\",\"tier\":\"POOLED\",\"contacts\":[{\"email\":"
                        + "\"a@example.com\",\"fax\":\"1\"}]}"),
                false,
                400,
                "validation_failed");
        assertThat(nested.path("errors").get(0).path("field").asText()).isEqualTo("contacts[0].fax");
        assertProblem(api.get("/api/tenants/by-slug/" + slug).bearer(owner).send(), 404, "tenant_not_found");
    }

    @Test
    void answersWrongMethodsAndUnacceptableMediaTypesWithProblems() {
        Api.Response wrongMethod =
                raw.send("PATCH", "/api/leads", headers("Content-Type", "application/json"), utf8("{}"), false);
        assertProblem(wrongMethod, 405, "method_not_allowed");
        assertThat(wrongMethod.header("Allow"))
                .hasValueSatisfying(allow -> assertThat(allow).contains("POST"));
        refused(
                "PUT",
                "/api/plans",
                headers("Content-Type", "application/json"),
                utf8("{}"),
                false,
                405,
                "method_not_allowed");
        // the error page asked for directly is no resource, not a failure
        assertProblem(raw.send("GET", "/error", headers(), null, false), 404, "not_found");
        // refused by Tomcat itself, before Spring: still a problem
        assertProblem(raw.send("GET", "/api/tenants/a%2Fb", headers(), null, false), 400, "bad_request");
        // refused by Spring Security's firewall: a problem too
        assertProblem(raw.send("DELETE", "/api/provisioning/tenants/..", headers(), null, false), 400, "bad_request");
        assertProblem(raw.send("GET", "/api/leads/%0A", headers(), null, false), 400, "bad_request");
        // forwarded headers that cannot be read (behind a proxy, server.forward-headers-strategy=framework)
        for (String forwardedFor : new String[] {",", ", ,"}) {
            assertProblem(
                    raw.send("GET", "/api/plans", headers("X-Forwarded-For", forwardedFor), null, false),
                    400,
                    "bad_request");
        }

        for (String accept : new String[] {"application/xml", "text/html", "image/png"}) {
            assertProblem(raw.send("GET", "/api/plans", headers("Accept", accept), null, false), 406, "not_acceptable");
        }
        refused(
                "POST",
                "/api/tenants",
                headers("Content-Type", "application/json", "Accept", "text/csv"),
                tenantBody(uniqueSlug("csv"), 5),
                false,
                406,
                "not_acceptable");
    }

    @Test
    void namesTheQueryParameterThatIsWrong() {
        JsonNode problem =
                assertProblem(raw.send("GET", "/api/tenants?limit=lots", headers(), null, false), 400, "bad_request");
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("limit");
        JsonNode status =
                assertProblem(raw.send("GET", "/api/tenants?status=HAPPY", headers(), null, false), 400, "bad_request");
        assertThat(status.path("errors").get(0).path("field").asText()).isEqualTo("status");
        assertThat(status.path("errors").get(0).path("message").asText()).contains("ACTIVE");
        JsonNode missing = assertProblem(
                raw.send(
                        "DELETE",
                        "/api/privacy/subjects",
                        headers("Authorization", "Bearer " + partnerAdmin()),
                        null,
                        false),
                400,
                "bad_request");
        assertThat(missing.path("errors").get(0).path("field").asText()).isEqualTo("email");
    }
}
