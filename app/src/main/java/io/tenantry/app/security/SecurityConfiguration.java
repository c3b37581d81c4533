package io.tenantry.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantry.contracts.Caller;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Bearer JWT on every endpoint but health, info, metrics scraping and the API docs. The verification key is Spring
 * Boot's standard {@code spring.security.oauth2.resourceserver.jwt.*} (on the embedded default, a generated
 * development key). Endpoint rules live here, in one table.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

    static final String[] PUBLIC = {
            "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error"
    };

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(objectMapper);
        http.csrf(AbstractHttpConfigurer::disable)
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .httpBasic(AbstractHttpConfigurer::disable)
            .formLogin(AbstractHttpConfigurer::disable)
            .authorizeHttpRequests(requests -> requests
                    .requestMatchers(PUBLIC).permitAll()
                    .requestMatchers("/api/privacy/**", "/api/audit/**").hasRole(Caller.PARTNER_ADMIN)
                    // seed 003: partner integrations, role and permission both
                    .requestMatchers(HttpMethod.POST, "/api/provisioning/tenants", "/api/provisioning/tenants/bulk")
                    .access(partnerAdminWith("tenant:create"))
                    .requestMatchers(HttpMethod.PUT, "/api/provisioning/tenants/*").access(partnerAdminWith("tenant:update"))
                    .requestMatchers(HttpMethod.PATCH, "/api/provisioning/tenants/*").access(partnerAdminWith("tenant:update"))
                    .requestMatchers(HttpMethod.DELETE, "/api/provisioning/tenants/*").access(partnerAdminWith("tenant:delete"))
                    .requestMatchers("/api/provisioning/**").hasRole(Caller.PARTNER_ADMIN)
                    .requestMatchers(HttpMethod.POST, "/api/tenants/*/restore", "/api/tenants/*/suspend",
                            "/api/tenants/*/reactivate").hasRole(Caller.PARTNER_ADMIN)
                    // the rest of /api: any signed-in user; tenant-scoped rights are decided by membership
                    .requestMatchers("/api/**").authenticated()
                    .anyRequest().denyAll())
            .oauth2ResourceServer(resourceServer -> resourceServer
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(new JwtClaimsAuthorities()))
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems))
            .exceptionHandling(exceptions -> exceptions
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems));
        return http.build();
    }

    private static AuthorizationManager<RequestAuthorizationContext> partnerAdminWith(String permission) {
        return AuthorizationManagers.allOf(AuthorityAuthorizationManager.hasRole(Caller.PARTNER_ADMIN),
                AuthorityAuthorizationManager.hasAuthority(permission));
    }
}
