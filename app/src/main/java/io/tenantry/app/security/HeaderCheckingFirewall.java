package io.tenantry.app.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's {@link StrictHttpFirewall} with its own rules, but header values checked by a loop instead of its
 * default regular expression {@code [\p{IsAssigned}&&[^\p{IsControl}]]*}. The firewall checks a header every time a
 * filter reads it, and the bearer token is read several times per request: the expression made up about a third of
 * the CPU of a membership check (bench). The rule is the same: every code point assigned, none a control
 * character.
 */
@Configuration(proxyBeanMethods = false)
class HeaderCheckingFirewall {

    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderValues(HeaderCheckingFirewall::allowedHeaderValue);
        return firewall;
    }

    static boolean allowedHeaderValue(String value) {
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            if (codePoint >= 0x20 && codePoint < 0x7f) {
                i++;
                continue;
            }
            if (Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.UNASSIGNED) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
