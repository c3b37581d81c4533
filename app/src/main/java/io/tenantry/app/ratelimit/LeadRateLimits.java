package io.tenantry.app.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Rate limits on the public lead endpoints, per client address and per lead: registering, verifying, asking for a new
 * code. The client address is the connection's (behind a proxy, set {@code server.forward-headers-strategy}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class LeadRateLimits implements WebMvcConfigurer {

    private final RateLimitProperties properties;
    private final RateLimiter limiter = new RateLimiter();

    LeadRateLimits(RateLimitProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        if (properties.enabled()) {
            registry.addInterceptor(new Interceptor())
                    .addPathPatterns("/api/leads", "/api/leads/*/verify", "/api/leads/*/resend-verification");
        }
    }

    private final class Interceptor implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (!"POST".equals(request.getMethod())) {
                return true;
            }
            String address = request.getRemoteAddr();
            String leadId = leadId(request);
            String path = request.getRequestURI();
            if (path.endsWith("/verify")) {
                limiter.consume("verification attempts", "verify-ip", address, properties.leadVerifyPerIp());
                limiter.consume(
                        "verification attempts for this lead", "verify-lead", leadId, properties.leadVerifyPerLead());
            } else if (path.endsWith("/resend-verification")) {
                limiter.consume("code requests", "resend-ip", address, properties.leadResendPerIp());
                limiter.consume("code requests for this lead", "resend-lead", leadId, properties.leadResendPerLead());
            } else {
                limiter.consume("registrations", "create-ip", address, properties.leadCreatePerIp());
            }
            return true;
        }

        @SuppressWarnings("unchecked")
        private String leadId(HttpServletRequest request) {
            Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
            return variables instanceof Map<?, ?> map && map.get("leadId") != null
                    ? String.valueOf(map.get("leadId"))
                    : "-";
        }
    }
}
