package io.tenantry.app.web;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.tenantry.app.test.Api;
import io.tenantry.app.test.StripeFake;
import io.tenantry.app.test.TenantryIntegrationTest;
import io.tenantry.app.web.FuzzInputs.BodyPlan;
import io.tenantry.app.web.FuzzInputs.Caller;
import io.tenantry.app.web.FuzzInputs.HeaderPlan;
import io.tenantry.app.web.FuzzInputs.PathValue;
import io.tenantry.app.web.FuzzInputs.QueryValue;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestContextManager;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Property-based fuzzing of every endpoint the app maps (read from its {@link RequestMappingHandlerMapping}): random
 * and mutated bodies, headers, path and query values, sent as a partner-admin, as the OWNER of a fixture tenant, and
 * without or with a broken token. Whatever comes in, the app never answers 5xx; every error is problem+json without a
 * stack trace, SQL, class name or another tenant's data; and a refused request (4xx) appends no event (counted by the
 * request's correlation id, so background processors appending meanwhile do not disturb it). Prints what it sent.
 */
@TenantryIntegrationTest
class ApiFuzzIT {

    private static final int TRIES = 2000;
    /** A fresh fixture now and then, so a tenant the fuzzer deleted or suspended does not turn the rest into 404s. */
    private static final int NEW_FIXTURE_EVERY = 300;

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::[^}]*)?}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OAUTH_TOKEN_ENDPOINT = "/oauth2/token";
    /** SCIM's routes answer errors in SCIM's format (RFC 7644 section 3.12), not as problems. */
    private static final String SCIM_PREFIX = "/scim/v2";
    /** In an error body (and not in the request that caused it) these betray a stack trace, SQL or internals. */
    private static final List<String> LEAK_MARKERS = List.of(
            "\tat ",
            "exception",
            "java.",
            "javax.",
            "jakarta.",
            "io.tenantry",
            "org.springframework",
            "org.hibernate",
            "org.postgresql",
            "org.axonframework",
            "com.fasterxml",
            "sqlstate",
            "syntax error",
            "duplicate key",
            "violates",
            "jdbc",
            "select ",
            "insert into",
            "domain_event_entry",
            "stack");
    /** Refusals that are recorded on purpose: a wrong verification code counts towards locking the lead. */
    private static final Map<String, Set<String>> RECORDED_REFUSALS = Map.of(
            "invalid_verification_code", Set.of("io.tenantry.contracts.lead.LeadVerificationFailedEvent"),
            "lead_locked",
                    Set.of(
                            "io.tenantry.contracts.lead.LeadVerificationFailedEvent",
                            "io.tenantry.contracts.lead.LeadLockedEvent"));

    private static Target target;
    /** Stripe answers a subscription read (reconcile) during the run, as it would; removed after. */
    private static StubMapping stripeSubscriptionReads;

    private static final Tally tally = new Tally();

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mapping;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private HttpProperties limits;

    @Autowired
    private Environment environment;

    @LocalServerPort
    private int port;

    /** The shared application (the same Spring test context as every other integration test) and what is aimed at. */
    private record Target(
            Api api,
            int port,
            RawHttp http,
            CausedEvents events,
            List<FuzzEndpoint> endpoints,
            long bodyLimit,
            FuzzFixture[] current,
            AtomicInteger tries) {

        FuzzFixture fixture() {
            if (tries.incrementAndGet() % NEW_FIXTURE_EVERY == 0) {
                current[0] = FuzzFixture.create(api);
            }
            return current[0];
        }
    }

    @BeforeContainer
    static void aim() throws Exception {
        // jqwik runs no JUnit Jupiter extension: Spring's test context is joined by hand (and shared, as cached)
        ApiFuzzIT wired = new ApiFuzzIT();
        new TestContextManager(ApiFuzzIT.class).prepareTestInstance(wired);
        Api api = new Api(wired.port, Path.of(wired.environment.getRequiredProperty("tenantry.data-dir")));
        stripeSubscriptionReads = StripeFake.client()
                .register(get(urlPathMatching("/v1/subscriptions/[^/]+"))
                        .atPriority(10)
                        .willReturn(okJson(StripeFake.subscriptionJson(
                                "{{request.path.[2]}}", "cus_fuzz", "active", "si_fuzz", "price_team_monthly"))));
        target = new Target(
                api,
                wired.port,
                new RawHttp(wired.port),
                new CausedEvents(wired.jdbc),
                FuzzEndpoint.all(wired.mapping),
                wired.limits.maxBodySize().toBytes(),
                new FuzzFixture[] {FuzzFixture.create(api)},
                new AtomicInteger());
    }

    @Provide
    Arbitrary<FuzzEndpoint> endpoints() {
        return net.jqwik.api.Arbitraries.of(target.endpoints());
    }

    @Provide
    Arbitrary<Caller> callers() {
        return FuzzInputs.callers();
    }

    @Provide
    Arbitrary<List<PathValue>> pathValues() {
        return FuzzInputs.pathValues().list().ofSize(3);
    }

    @Provide
    Arbitrary<List<QueryValue>> queryValues() {
        return FuzzInputs.queryValues().list().ofSize(4);
    }

    @Provide
    Arbitrary<BodyPlan> bodies() {
        return FuzzInputs.bodies();
    }

    @Provide
    Arbitrary<HeaderPlan> headers() {
        return FuzzInputs.headers();
    }

    @Property(tries = TRIES, afterFailure = AfterFailureMode.RANDOM_SEED)
    void neverFailsLeaksOrChangesStateOnRefusal(
            @ForAll("endpoints") FuzzEndpoint endpoint,
            @ForAll("callers") Caller caller,
            @ForAll("pathValues") List<PathValue> path,
            @ForAll("queryValues") List<QueryValue> query,
            @ForAll("bodies") BodyPlan body,
            @ForAll("headers") HeaderPlan headers) {
        FuzzFixture fixture = target.fixture();
        String pathAndQuery = path(endpoint, path, fixture) + query(endpoint, query);
        FuzzInputs.Body bytes = FuzzInputs.body(body, fixture.seedBody(endpoint), target.bodyLimit());
        Map<String, String> sent = headers(endpoint, caller, headers, bytes, fixture);
        String request = endpoint.method() + " " + pathAndQuery + " as " + caller + " " + sent.keySet() + " body "
                + body + ": "
                + (bytes.bytes() == null ? "none" : abbreviate(new String(bytes.bytes(), StandardCharsets.UTF_8), 300));

        long mark = target.events().mark();
        long started = System.nanoTime();
        Api.Response response =
                target.http().send(endpoint.method(), pathAndQuery, sent, bytes.bytes(), bytes.chunked());
        if (bare(response)) {
            // A refusal with no body and no type is what Tomcat sends when it cannot parse what the connection
            // carried, which a request left half-read before it can cause. The same request on a new connection tells
            // the connection's state from the app's answer: it must then be a problem like any other.
            tally.resent.incrementAndGet();
            Api.Response first = response;
            response = new RawHttp(target.port())
                    .send(endpoint.method(), pathAndQuery, sent, bytes.bytes(), bytes.chunked());
            if (bare(response)) {
                throw new AssertionError("a bare " + first.status() + " (headers " + first.headers() + ") for "
                        + request + " " + sent + ", again on a new connection: " + response.status() + " "
                        + response.headers());
            }
        }
        tally.record(endpoint, response, System.nanoTime() - started);
        String answer = response.status() + " "
                + response.header("Content-Type").orElse("") + " " + abbreviate(response.body(), 500);

        assertThat(response.status())
                .as("no 5xx for %s; got %s", request, answer)
                .isLessThan(500);
        String requestText = requestText(pathAndQuery, sent, bytes);
        if (response.status() >= 400) {
            JsonNode problem = OAUTH_TOKEN_ENDPOINT.equals(endpoint.pattern())
                            && !response.header("Content-Type").orElse("").startsWith("application/problem+json")
                    ? oauthError(response, request, answer)
                    : endpoint.pattern().startsWith(SCIM_PREFIX)
                                    // refused by Tomcat before any filter (an encoded slash): its problem, as anywhere
                                    && !response.header("Content-Type")
                                            .orElse("")
                                            .startsWith("application/problem+json")
                            ? scimError(response, request, answer)
                            : problem(response, request, answer);
            String lowerBody = response.body().toLowerCase(Locale.ROOT);
            for (String marker : LEAK_MARKERS) {
                assertThat(lowerBody.contains(marker) && !requestText.contains(marker))
                        .as("'%s' in the answer to %s: %s", marker, request, answer)
                        .isFalse();
            }
            // the id the app used; one refused before the app (by Tomcat) has none: then the id sent, if it was usable
            String sentId = sent.get(CorrelationIdFilter.HEADER);
            String correlationId =
                    response.header(CorrelationIdFilter.HEADER).orElse(headers.badCorrelationId() ? null : sentId);
            if (correlationId == null) {
                tally.unchecked.incrementAndGet();
            } else {
                tally.checked.incrementAndGet();
                List<String> caused = target.events().since(mark, correlationId);
                Set<String> allowed =
                        RECORDED_REFUSALS.getOrDefault(problem.path("code").asText(), Set.of());
                assertThat(caused)
                        .as("events appended by the refused %s (%s)", request, answer)
                        .allMatch(allowed::contains);
            }
        }
        if (caller != Caller.PARTNER_ADMIN) {
            assertThat(response.body())
                    .as("another tenant's data in the answer to %s", request)
                    .doesNotContain(fixture.foreignMarker);
            if (caller == Caller.OWNER && pathAndQuery.contains(fixture.foreignTenantId)) {
                assertThat(response.status())
                        .as("the OWNER of one tenant acting on another: %s -> %s", request, answer)
                        .isGreaterThanOrEqualTo(400);
            }
        }
    }

    @AfterContainer
    static void report() throws IOException {
        if (stripeSubscriptionReads != null) {
            StripeFake.client().removeStubMapping(stripeSubscriptionReads);
        }
        String summary = tally.summary(target == null ? 0 : target.endpoints().size());
        System.out.println(summary);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "api-fuzz-summary.txt"), summary + System.lineSeparator());
        if (tally.requests.get() >= TRIES) {
            assertThat(tally.endpointsHit)
                    .as("every endpoint was tried")
                    .hasSize(target.endpoints().size());
            assertThat(tally.codes.keySet())
                    .as("the refusals the generators are meant to reach")
                    .contains(
                            "validation_failed",
                            "malformed_body",
                            "unsupported_media_type",
                            "payload_too_large",
                            "not_found",
                            "unauthenticated");
            assertThat(tally.statuses.keySet())
                    .as("some requests also got through")
                    .anyMatch(status -> status < 300);
        }
    }

    private static boolean bare(Api.Response response) {
        return response.status() >= 400
                && response.header("Content-Type").isEmpty()
                && response.body().isEmpty();
    }

    /**
     * The token endpoint's own refusals are OAuth's (RFC 6749 §5.2), not problems: JSON with a registered
     * {@code error}; answered here as a problem-like node with that code.
     */
    private static JsonNode oauthError(Api.Response response, String request, String answer) {
        assertThat(response.header("Content-Type").orElse(""))
                .as("OAuth error JSON for %s: %s", request, answer)
                .startsWith("application/json");
        JsonNode error = json(response, request, answer);
        assertThat(error.path("error").asText())
                .as("error in %s", answer)
                .isIn(
                        "invalid_request",
                        "invalid_grant",
                        "unsupported_grant_type",
                        "invalid_scope",
                        "invalid_target",
                        "slow_down");
        assertThat(error.path("error_description").asText())
                .as("description in %s", answer)
                .isNotBlank();
        return JSON.createObjectNode().put("code", error.path("error").asText());
    }

    private static JsonNode json(Api.Response response, String request, String answer) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON, the answer to " + request + ": " + answer, e);
        }
    }

    /** A SCIM error: its schema, its status (as text) and a detail; tallied as {@code scim:<status>}. */
    private static JsonNode scimError(Api.Response response, String request, String answer) {
        assertThat(response.header("Content-Type").orElse(""))
                .as("application/scim+json for %s: %s", request, answer)
                .startsWith("application/scim+json");
        JsonNode error = json(response, request, answer);
        assertThat(error.path("schemas").toString())
                .as("schemas in %s", answer)
                .contains("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(error.path("status").asText())
                .as("status in %s", answer)
                .isEqualTo(Integer.toString(response.status()));
        assertThat(error.path("detail").asText()).as("detail in %s", answer).isNotBlank();
        String code = "scim:" + response.status();
        tally.code(code);
        return JSON.createObjectNode().put("code", code);
    }

    private static JsonNode problem(Api.Response response, String request, String answer) {
        assertThat(response.header("Content-Type").orElse(""))
                .as("problem+json for %s: %s", request, answer)
                .startsWith("application/problem+json");
        JsonNode problem = json(response, request, answer);
        String code = problem.path("code").asText();
        tally.code(code);
        assertThat(problem.path("status").asInt()).as("status in %s", answer).isEqualTo(response.status());
        assertThat(code).as("code in %s", answer).isNotBlank();
        assertThat(problem.path("type").asText()).as("type in %s", answer).isEqualTo("urn:tenantry:problem:" + code);
        assertThat(problem.path("title").asText()).as("title in %s", answer).isNotBlank();
        return problem;
    }

    private static String path(FuzzEndpoint endpoint, List<PathValue> values, FuzzFixture fixture) {
        Matcher matcher = VARIABLE.matcher(endpoint.pattern());
        StringBuilder path = new StringBuilder();
        int index = 0;
        while (matcher.find()) {
            PathValue value = values.get(index++ % values.size());
            String text = switch (value.kind()) {
                case FIXTURE -> FuzzInputs.encode(fixture.pathValue(matcher.group(1), false));
                case FOREIGN -> FuzzInputs.encode(fixture.pathValue(matcher.group(1), true));
                case RAW -> value.text();
                default -> FuzzInputs.encode(value.text());
            };
            matcher.appendReplacement(path, Matcher.quoteReplacement(text));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    private static String query(FuzzEndpoint endpoint, List<QueryValue> values) {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < endpoint.queryParameters().size(); i++) {
            FuzzEndpoint.QueryParameter parameter = endpoint.queryParameters().get(i);
            String text = FuzzInputs.queryText(values.get(i % values.size()), parameter.type());
            if (text != null) {
                query.append(query.isEmpty() ? '?' : '&')
                        .append(parameter.name())
                        .append('=')
                        .append(FuzzInputs.encode(text));
            }
        }
        return query.toString();
    }

    private static Map<String, String> headers(
            FuzzEndpoint endpoint, Caller caller, HeaderPlan plan, FuzzInputs.Body body, FuzzFixture fixture) {
        Map<String, String> headers = new LinkedHashMap<>();
        switch (caller) {
            case PARTNER_ADMIN -> headers.put("Authorization", "Bearer " + fixture.partnerAdminToken);
            case OWNER -> headers.put("Authorization", "Bearer " + fixture.ownerToken);
            case BAD_TOKEN ->
                headers.put(
                        "Authorization",
                        "Bearer " + fixture.ownerToken.substring(0, fixture.ownerToken.length() - 4) + "AAAA");
            case ANONYMOUS -> {}
        }
        headers.put(
                CorrelationIdFilter.HEADER,
                plan.badCorrelationId()
                        ? "not a (usable) id!"
                        : "fuzz-" + tally.requests.get() + "-"
                                + UUID.randomUUID().toString().substring(0, 8));
        if (plan.contentType().equals("json")) {
            if (body.bytes() != null) {
                headers.put("Content-Type", "application/json");
            }
        } else if (!plan.contentType().equals("none") && !plan.contentType().isEmpty()) {
            headers.put("Content-Type", plan.contentType());
        }
        putIfPresent(headers, "Accept", plan.accept());
        putIfPresent(headers, "If-Match", plan.ifMatch());
        putIfPresent(headers, "Idempotency-Key", plan.idempotencyKey());
        headers.put("X-Forwarded-For", plan.forwardedFor().isEmpty() ? "10.250.0.1" : plan.forwardedFor());
        for (String name : endpoint.headers()) {
            if (!name.equalsIgnoreCase("If-Match")) {
                putIfPresent(headers, name, plan.signature());
            }
        }
        return headers;
    }

    private static void putIfPresent(Map<String, String> headers, String name, String value) {
        if (value != null && !value.isEmpty()) {
            headers.put(name, value);
        }
    }

    /** Everything the request carried, as text, to tell echoed input from a leak. */
    private static String requestText(String pathAndQuery, Map<String, String> headers, FuzzInputs.Body body) {
        String decoded;
        try {
            decoded = URLDecoder.decode(pathAndQuery.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notDecodable) {
            decoded = "";
        }
        return (pathAndQuery + " " + decoded + " " + headers.values() + " "
                        + (body.bytes() == null ? "" : new String(body.bytes(), StandardCharsets.UTF_8)))
                .toLowerCase(Locale.ROOT);
    }

    private static String abbreviate(String text, int length) {
        return text == null || text.length() <= length
                ? text
                : text.substring(0, length) + "...(" + text.length() + ")";
    }

    /** What the fuzzer sent and what came back. */
    private static final class Tally {
        final AtomicInteger requests = new AtomicInteger();
        final AtomicInteger checked = new AtomicInteger();
        final AtomicInteger unchecked = new AtomicInteger();
        final AtomicInteger resent = new AtomicInteger();
        final SortedMap<Integer, Integer> statuses = new TreeMap<>();
        final SortedMap<String, Integer> codes = new TreeMap<>();
        final Set<String> endpointsHit = new java.util.TreeSet<>();

        final java.util.Map<String, Long> nanos = new java.util.HashMap<>();

        synchronized void record(FuzzEndpoint endpoint, Api.Response response, long elapsed) {
            requests.incrementAndGet();
            statuses.merge(response.status(), 1, Integer::sum);
            endpointsHit.add(endpoint.toString());
            nanos.merge(endpoint.toString(), elapsed, Long::sum);
        }

        synchronized void code(String code) {
            codes.merge(code, 1, Integer::sum);
        }

        synchronized String summary(int endpoints) {
            long serverErrors = statuses.entrySet().stream()
                    .filter(entry -> entry.getKey() >= 500)
                    .mapToLong(Map.Entry::getValue)
                    .sum();
            long seconds = nanos.values().stream().mapToLong(Long::longValue).sum() / 1_000_000_000L;
            List<String> slowest = nanos.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(3)
                    .map(entry -> entry.getKey() + " " + entry.getValue() / 1_000_000 + " ms")
                    .toList();
            return "ApiFuzzIT: " + requests.get() + " requests to " + endpointsHit.size() + " of " + endpoints
                    + " endpoints in " + seconds + " s (most time: " + slowest + "); statuses " + statuses + "; 5xx: "
                    + serverErrors + "; problem codes " + codes
                    + "; refusals checked for events by correlation id: " + checked.get()
                    + " (not checkable, refused by Tomcat with an unusable id: " + unchecked.get() + ")"
                    + "; bare refusals resent on a new connection: " + resent.get();
        }
    }
}
