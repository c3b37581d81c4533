package io.tenantry.app.test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.util.Map;

/**
 * A stand-in for Auth0 (WireMock, one per test JVM) answering as Auth0 documents its Authentication API
 * ({@code /oauth/token}, {@code /dbconnections/change_password}) and Management API ({@code /api/v2}: organizations,
 * their enabled connections and members, connections, users, users by e-mail), with fresh ids. By default every
 * create succeeds, every named connection exists (id {@code con_<name>}), no user is found by e-mail, a user belongs
 * to no organization and every delete succeeds. Every test context is pointed at it ({@code tenantry.idp.auth0.*},
 * registered in META-INF/spring.factories); tests add their own answers (409s, 404s, outages) and check what was sent.
 */
public final class Auth0Fake {

    public static final String CLIENT_ID = "tenantry-m2m-client";
    public static final String CLIENT_SECRET = "tenantry-m2m-secret";
    public static final String POOLED_CONNECTION = "Username-Password-Authentication";
    public static final String POOLED_CONNECTION_ID = "con_pooledpooledpool";
    private static final String RANDOM = "{{randomValue length=16 type='ALPHANUMERIC'}}";
    private static WireMockServer server;

    private Auth0Fake() {}

    public static synchronized WireMockServer server() {
        if (server == null) {
            // delayed answers (a stalling fake) are scheduled, not slept in a server thread, so a stall holds none
            server = new WireMockServer(options()
                    .dynamicPort()
                    .bindAddress("127.0.0.1")
                    .globalTemplating(true)
                    .asynchronousResponseEnabled(true));
            server.start();
            stubAuth0(server);
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "auth0-fake-stop"));
        }
        return server;
    }

    /** The base URL Tenantry is given ({@code tenantry.idp.auth0.base-url}). */
    public static String baseUrl() {
        return "http://127.0.0.1:" + server().port();
    }

    /** A WireMock client for this fake, to stub and verify. */
    public static WireMock client() {
        return new WireMock("127.0.0.1", server().port());
    }

    /** An Auth0 error body, as the Management API answers one. */
    public static String errorJson(int status, String error, String message, String errorCode) {
        return """
                {"statusCode":%d,"error":"%s","message":"%s","errorCode":"%s"}""".formatted(status, error, message, errorCode);
    }

    /** A user as the Management API answers one (create, get, users by e-mail). */
    public static String userJson(String userId, String email, boolean verified, String connection) {
        return """
                {"user_id":"%s","email":"%s","email_verified":%s,"name":"Jane Doe","given_name":"Jane","family_name":"Doe",
                 "created_at":"2026-11-23T10:00:00.000Z","updated_at":"2026-11-23T10:00:00.000Z","logins_count":0,
                 "identities":[{"connection":"%s","user_id":"%s","provider":"auth0","isSocial":false}]}""".formatted(userId, email, verified, connection, userId.substring(userId.indexOf('|') + 1));
    }

    public static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    private static void stubAuth0(WireMockServer server) {
        server.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(json(200, """
                {"access_token":"eyJ.fake.%s","token_type":"Bearer","expires_in":86400,
                 "scope":"read:organizations create:organizations delete:organizations create:users delete:users"}""".formatted(RANDOM))));
        server.stubFor(post(urlPathEqualTo("/dbconnections/change_password"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html; charset=utf-8")
                        .withBody("We've just sent you an email to reset your password.")));
        stubOrganizations(server);
        stubConnections(server);
        stubUsers(server);
    }

    private static void stubOrganizations(WireMockServer server) {
        server.stubFor(post(urlPathEqualTo("/api/v2/organizations")).willReturn(json(201, """
                {"id":"org_%s","name":"{{jsonPath request.body '$.name'}}",
                 "display_name":"{{jsonPath request.body '$.display_name'}}"}""".formatted(RANDOM))));
        server.stubFor(get(urlPathMatching("/api/v2/organizations/name/[^/]+")).willReturn(json(200, """
                {"id":"org_{{request.path.[4]}}","name":"{{request.path.[4]}}","display_name":"Existing"}""")));
        server.stubFor(post(urlPathMatching("/api/v2/organizations/[^/]+/enabled_connections"))
                .willReturn(json(201, """
                {"connection_id":"{{jsonPath request.body '$.connection_id'}}","assign_membership_on_login":false,
                 "show_as_button":true,"is_signup_enabled":false,
                 "connection":{"name":"connection","strategy":"auth0"}}""")));
        server.stubFor(post(urlPathMatching("/api/v2/organizations/[^/]+/members"))
                .willReturn(aResponse().withStatus(204)));
        server.stubFor(delete(urlPathMatching("/api/v2/organizations/[^/]+"))
                .willReturn(aResponse().withStatus(204)));
    }

    private static void stubConnections(WireMockServer server) {
        server.stubFor(post(urlPathEqualTo("/api/v2/connections")).willReturn(json(201, """
                {"id":"con_%s","name":"{{jsonPath request.body '$.name'}}","strategy":"auth0",
                 "display_name":"{{jsonPath request.body '$.display_name'}}","enabled_clients":[],"realms":[
                 "{{jsonPath request.body '$.name'}}"],"is_domain_connection":false,"options":{}}""".formatted(RANDOM))));
        server.stubFor(get(urlPathEqualTo("/api/v2/connections")).willReturn(json(200, """
                {"connections":[{"id":"con_{{request.query.name}}","name":"{{request.query.name}}","strategy":"auth0",
                 "enabled_clients":[],"realms":["{{request.query.name}}"],"is_domain_connection":false}]}""")));
        server.stubFor(get(urlPathEqualTo("/api/v2/connections"))
                .withQueryParam("name", equalTo(POOLED_CONNECTION))
                .atPriority(1)
                .willReturn(json(200, """
                        {"connections":[{"id":"%s","name":"%s","strategy":"auth0","enabled_clients":[],
                         "realms":["%s"],"is_domain_connection":false}]}""".formatted(POOLED_CONNECTION_ID, POOLED_CONNECTION, POOLED_CONNECTION))));
        server.stubFor(delete(urlPathMatching("/api/v2/connections/[^/]+"))
                .willReturn(aResponse().withStatus(202)));
    }

    private static void stubUsers(WireMockServer server) {
        server.stubFor(post(urlPathEqualTo("/api/v2/users"))
                .willReturn(json(
                        201,
                        userJson(
                                "auth0|" + RANDOM,
                                "{{jsonPath request.body '$.email'}}",
                                false,
                                "{{jsonPath request.body '$.connection'}}"))));
        server.stubFor(get(urlPathEqualTo("/api/v2/users-by-email")).willReturn(json(200, "[]")));
        server.stubFor(get(urlPathMatching("/api/v2/users/[^/]+/organizations")).willReturn(json(200, """
                {"start":0,"limit":50,"total":0,"organizations":[]}""")));
        server.stubFor(delete(urlPathMatching("/api/v2/users/[^/]+"))
                .willReturn(aResponse().withStatus(204)));
    }

    /** Points a test context at the fake. */
    public static final class Factory extends PropertiesFirst {
        @Override
        protected String name() {
            return "auth0Fake";
        }

        @Override
        protected Map<String, Object> properties() {
            return Map.of(
                    "tenantry.idp.auth0.base-url",
                    baseUrl(),
                    "tenantry.idp.auth0.client-id",
                    CLIENT_ID,
                    "tenantry.idp.auth0.client-secret",
                    CLIENT_SECRET,
                    "tenantry.idp.auth0.max-retries",
                    0,
                    "tenantry.idp.auth0.read-timeout",
                    "3s");
        }
    }
}
