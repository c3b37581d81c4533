package io.tenantry.app.web;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.ForwardedHeaderFilter;

/**
 * Behind a proxy ({@code server.forward-headers-strategy=framework}), Spring's {@link ForwardedHeaderFilter} reads
 * {@code Forwarded} and {@code X-Forwarded-*}; headers it cannot read make it answer 400. It is registered here, in
 * place of Spring Boot's, so that it leaves the error dispatch of that 400 alone: filtering it again failed again and
 * sent a bare 400, where the error page now answers a problem.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "server.forward-headers-strategy", havingValue = "framework")
class ForwardedHeaders {

    @Bean
    FilterRegistrationBean<ForwardedHeaderFilter> problemAnsweringForwardedHeaderFilter() {
        ForwardedHeaderFilter filter = new ForwardedHeaderFilter() {
            @Override
            protected boolean shouldNotFilterErrorDispatch() {
                return true;
            }
        };
        FilterRegistrationBean<ForwardedHeaderFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
