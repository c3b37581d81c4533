package io.tenantry.app.idp;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** A provider is on when its address is set to something, not merely present and blank (as in an empty env var). */
final class IdentityProviderConditions {

    private IdentityProviderConditions() {}

    static final class KeycloakConfigured extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return outcome(context.getEnvironment(), "tenantry.idp.keycloak.url");
        }
    }

    static final class Auth0Configured extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            ConditionOutcome domain = outcome(context.getEnvironment(), "tenantry.idp.auth0.domain");
            return domain.isMatch() ? domain : outcome(context.getEnvironment(), "tenantry.idp.auth0.base-url");
        }
    }

    private static ConditionOutcome outcome(Environment environment, String property) {
        String value = environment.getProperty(property);
        return value != null && !value.isBlank()
                ? ConditionOutcome.match(property + " is set")
                : ConditionOutcome.noMatch(property + " is not set");
    }
}
