package io.tenantry.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantry.app.apikey.ApiKeyAuthenticator;
import io.tenantry.app.apikey.ApiKeyFilter;
import io.tenantry.app.lead.HmacLeadTokens;
import io.tenantry.app.oauth.IssuerJwtDecoders;
import io.tenantry.contracts.Caller;
import io.tenantry.contracts.apikey.ApiKeyScopes;
import io.tenantry.contracts.lead.LeadPrincipal;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Bearer JWT on every endpoint but health, info, metrics scraping, the API docs and the dashboard page. The
 * verification key is Spring Boot's standard {@code spring.security.oauth2.resourceserver.jwt.*} (on the embedded
 * default, a generated development key). Endpoint rules live here, in one table: who may call at all, and the platform
 * roles and
 * permissions. Rights within a tenant come from its membership: the Tenant aggregate decides writes, TenantReadAccess
 * reads. AccessMatrixIT (tests) states every endpoint's rule for each kind of caller, and fails for an endpoint without
 * one.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

    static final String LEAD_ONBOARDING = "/api/leads/{leadId}/tenants";

    static final String[] PUBLIC = {
        "/actuator/health",
        "/actuator/health/**",
        "/actuator/info",
        "/actuator/prometheus",
        "/v3/api-docs",
        "/v3/api-docs.yaml",
        "/v3/api-docs/**",
        "/swagger-ui.html",
        "/swagger-ui/**",
        "/error"
    };

    /**
     * The dashboard page, its assets and the browser libraries it uses (WebJars): no data in them (the page asks for a
     * token and calls the API with it).
     */
    static final String[] DASHBOARD_PAGE = {"/dashboard", "/dashboard/", "/dashboard/**", "/webjars/**"};

    /**
     * The dashboard page runs only its own script and talks only to this origin: a token pasted into it cannot be
     * sent elsewhere by injected markup.
     */
    static final String DASHBOARD_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /**
     * The rules below match paths with Spring's path patterns directly (as Spring MVC itself does), not through the
     * handler-mapping introspector: with it, every rule checked on the way to a request's own looked the request up in
     * all of MVC's handler mappings (CORS pre-flight checks included), a tenth of a membership check's CPU.
     */
    @Bean
    static PathPatternRequestMatcherBuilderFactoryBean requestMatcherBuilder() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    /**
     * Spring Security observes nothing: otherwise every security filter, authentication and authorization of every
     * request is one more observation, and each filter is wrapped in a decorator even when those observations are
     * turned off by name (a sixth of a membership check's CPU). {@code http_server_requests} still times every request.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * {@code POST /api/leads/{leadId}/tenants} takes the lead's own token and nothing else: HS256, signed by Tenantry,
     * for that very lead. A user's token is refused here, and a lead token everywhere else (RS256 only there).
     */
    @Bean
    @Order(1)
    SecurityFilterChain leadOnboardingChain(HttpSecurity http, ObjectMapper objectMapper, HmacLeadTokens leadTokens)
            throws Exception {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(objectMapper);
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(leadTokens.key())
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(HmacLeadTokens.ISSUER),
                new JwtClaimValidator<List<String>>(
                        "aud", aud -> aud != null && aud.contains(HmacLeadTokens.AUDIENCE))));
        // the same matcher authorizes, so that {leadId} is among the context's variables
        RequestMatcher onboarding = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, LEAD_ONBOARDING);
        http.securityMatcher(onboarding)
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(requests -> requests.requestMatchers(onboarding)
                        .access((authentication, context) ->
                                new AuthorizationDecision(authentication.get().isAuthenticated()
                                        && authentication
                                                .get()
                                                .getName()
                                                .equals(LeadPrincipal.of(
                                                        context.getVariables().get("leadId")))))
                        .anyRequest()
                        .denyAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenResolver(new BearerHeaderTokens())
                        .jwt(jwt -> jwt.decoder(decoder)
                                .jwtAuthenticationConverter(token -> new JwtAuthenticationToken(
                                        token,
                                        List.of(new SimpleGrantedAuthority("ROLE_lead")),
                                        LeadPrincipal.of(token.getSubject()))))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    /**
     * {@code Authorization: Bearer tnt_…}: a tenant API key, authenticated by {@link ApiKeyFilter}, may call only the
     * endpoints its scopes open (below); within them the key acts as an ADMIN of its own tenant, and the tenant in the
     * path decides the rest (another tenant's is not found). Anything else: 403 {@code insufficient_scope}.
     */
    @Bean
    @Order(2)
    SecurityFilterChain apiKeys(HttpSecurity http, ObjectMapper objectMapper, ApiKeyAuthenticator authenticator)
            throws Exception {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(objectMapper);
        http.securityMatcher(ApiKeyFilter::carriesKey)
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .addFilterBefore(new ApiKeyFilter(authenticator, objectMapper), AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        // the error page a failure inside the chain is answered with (the database away: 503)
                        .requestMatchers("/error")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/api-keys/scopes")
                        .authenticated()
                        .requestMatchers("/scim/v2/**")
                        .hasAuthority(ApiKeyScopes.SCIM)
                        .requestMatchers(
                                HttpMethod.GET,
                                "/api/tenants/*",
                                "/api/tenants/*/members",
                                "/api/tenants/*/members/*",
                                "/api/tenants/*/teams",
                                "/api/tenants/*/teams/**",
                                "/api/tenants/*/invitations")
                        .hasAuthority(ApiKeyScopes.MEMBERS_READ)
                        .requestMatchers(
                                "/api/tenants/*/members",
                                "/api/tenants/*/members/*",
                                "/api/tenants/*/teams",
                                "/api/tenants/*/teams/**",
                                "/api/tenants/*/invitations",
                                "/api/tenants/*/invitations/*")
                        .hasAuthority(ApiKeyScopes.MEMBERS_WRITE)
                        .requestMatchers(HttpMethod.GET, "/api/tenants/*/entitlements", "/api/tenants/*/entitlements/*")
                        .hasAuthority(ApiKeyScopes.ENTITLEMENTS_READ)
                        .requestMatchers(HttpMethod.GET, "/api/tenants/*/usage")
                        .hasAuthority(ApiKeyScopes.USAGE_READ)
                        .requestMatchers(HttpMethod.POST, "/api/tenants/*/usage")
                        .hasAuthority(ApiKeyScopes.USAGE_WRITE)
                        .requestMatchers(HttpMethod.GET, "/api/tenants/*/audit-log", "/api/tenants/*/audit-log/export")
                        .hasAuthority(ApiKeyScopes.AUDIT_READ)
                        .anyRequest()
                        .denyAll())
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(ProblemSecurityHandlers.insufficientScope(objectMapper)));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain api(
            HttpSecurity http, ObjectMapper objectMapper, ObjectProvider<IssuerJwtDecoders> tenantTokens)
            throws Exception {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(objectMapper);
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .headers(headers -> headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        PathPatternRequestMatcher.withDefaults().matcher("/dashboard/**"),
                        new StaticHeadersWriter("Content-Security-Policy", DASHBOARD_CSP))))
                .authorizeHttpRequests(requests -> requests.requestMatchers(PUBLIC)
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, DASHBOARD_PAGE)
                        .permitAll()
                        // a prospective customer registers and proves its e-mail before it has any account
                        .requestMatchers(
                                HttpMethod.POST,
                                "/api/leads",
                                "/api/leads/*/verify",
                                "/api/leads/*/resend-verification")
                        .permitAll()
                        // Stripe and the provisioning orchestrator sign their webhooks; the signature is checked, not a
                        // token
                        .requestMatchers(HttpMethod.POST, "/api/webhooks/stripe", "/api/webhooks/provisioning")
                        .permitAll()
                        // the token endpoint authenticates by the subject token it is given; keys and metadata are
                        // public
                        .requestMatchers(HttpMethod.POST, "/oauth2/token")
                        .permitAll()
                        .requestMatchers(
                                HttpMethod.GET, "/.well-known/jwks.json", "/.well-known/oauth-authorization-server")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/leads", "/api/leads/**")
                        .hasRole(Caller.PARTNER_ADMIN)
                        // usage of many tenants at once: platform services
                        .requestMatchers(HttpMethod.POST, "/api/usage")
                        .hasRole(Caller.PARTNER_ADMIN)
                        // the platform's webhook endpoints (a tenant's are under its own route)
                        .requestMatchers("/api/webhooks/endpoints", "/api/webhooks/endpoints/**")
                        .hasRole(Caller.PARTNER_ADMIN)
                        .requestMatchers(
                                "/api/privacy/**",
                                "/api/audit/**",
                                "/api/lifecycle/**",
                                "/api/admin/**",
                                "/api/dashboard/**")
                        .hasRole(Caller.PARTNER_ADMIN)
                        // partner integrations, role and permission both
                        .requestMatchers(HttpMethod.POST, "/api/provisioning/tenants", "/api/provisioning/tenants/bulk")
                        .access(partnerAdminWith("tenant:create"))
                        .requestMatchers(HttpMethod.PUT, "/api/provisioning/tenants/*")
                        .access(partnerAdminWith("tenant:update"))
                        .requestMatchers(HttpMethod.PATCH, "/api/provisioning/tenants/*")
                        .access(partnerAdminWith("tenant:update"))
                        .requestMatchers(HttpMethod.DELETE, "/api/provisioning/tenants/*")
                        .access(partnerAdminWith("tenant:delete"))
                        .requestMatchers("/api/provisioning/**")
                        .hasRole(Caller.PARTNER_ADMIN)
                        .requestMatchers(
                                HttpMethod.POST,
                                "/api/tenants/*/restore",
                                "/api/tenants/*/suspend",
                                "/api/tenants/*/reactivate",
                                "/api/tenants/*/provision",
                                "/api/tenants/*/idp")
                        .hasRole(Caller.PARTNER_ADMIN)
                        .requestMatchers("/api/tenants/*/entitlements/*/override")
                        .hasRole(Caller.PARTNER_ADMIN)
                        // the rest of /api: any signed-in user; tenant-scoped rights are decided by membership
                        .requestMatchers("/api/**")
                        .authenticated()
                        .anyRequest()
                        .denyAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenResolver(new BearerHeaderTokens())
                        .jwt(jwt -> {
                            // Tenantry's own tenant tokens and trusted issuers' besides the resource server's decoder
                            tenantTokens.ifAvailable(decoders -> jwt.decoder(decoders.asDecoder()));
                            jwt.jwtAuthenticationConverter(new JwtClaimsAuthorities());
                        })
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    private static AuthorizationManager<RequestAuthorizationContext> partnerAdminWith(String permission) {
        return AuthorizationManagers.allOf(
                AuthorityAuthorizationManager.hasRole(Caller.PARTNER_ADMIN),
                AuthorityAuthorizationManager.hasAuthority(permission));
    }
}
