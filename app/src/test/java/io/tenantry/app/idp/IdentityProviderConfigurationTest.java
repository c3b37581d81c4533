package io.tenantry.app.idp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.command.idp.IdentityProvider;
import io.tenantry.contracts.idp.IdentityProviderKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A provider is a bean only where its address is set, and start-up says which are on, without secrets. */
@ExtendWith(OutputCaptureExtension.class)
class IdentityProviderConfigurationTest {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(IdentityProviderConfiguration.class);

    @Test
    void noProviderWithoutAddressesAndStartUpSaysSo(CapturedOutput output) {
        runner.withPropertyValues("tenantry.idp.keycloak.url=", "tenantry.idp.auth0.domain= ")
                .run(context -> assertThat(context.getBeansOfType(IdentityProvider.class))
                        .isEmpty());
        assertThat(output.getOut()).contains("Identity providers: KEYCLOAK not configured, AUTH0 not configured");
    }

    @Test
    void keycloakAndAuth0WhereTheirAddressesAreSet(CapturedOutput output) {
        runner.withPropertyValues(
                        "tenantry.idp.keycloak.url=http://127.0.0.1:9/",
                        "tenantry.idp.keycloak.username=admin",
                        "tenantry.idp.keycloak.password=kc-secret",
                        "tenantry.idp.auth0.domain=acme.eu.auth0.com",
                        "tenantry.idp.auth0.client-id=m2m",
                        "tenantry.idp.auth0.client-secret=a0-secret")
                .run(context -> {
                    assertThat(context.getBeansOfType(IdentityProvider.class).values())
                            .extracting(IdentityProvider::kind)
                            .containsExactlyInAnyOrder(IdentityProviderKind.KEYCLOAK, IdentityProviderKind.AUTH0);
                    IdentityProviderProperties properties = context.getBean(IdentityProviderProperties.class);
                    assertThat(properties.keycloak().pooledRealm()).isEqualTo("tenantry");
                    assertThat(properties.keycloak().realm()).isEqualTo("master");
                    assertThat(properties.keycloak().clientId()).isEqualTo("admin-cli");
                    assertThat(properties.auth0().baseUrl()).isEqualTo("https://acme.eu.auth0.com");
                    assertThat(properties.auth0().audience()).isEqualTo("https://acme.eu.auth0.com/api/v2/");
                    assertThat(properties.auth0().appClientId()).isEqualTo("m2m");
                    assertThat(properties.auth0().pooledConnection()).isEqualTo("Username-Password-Authentication");
                });
        assertThat(output.getOut())
                .contains("Identity providers: KEYCLOAK at http://127.0.0.1:9 (pooled tenants in realm tenantry), "
                        + "AUTH0 at https://acme.eu.auth0.com (pooled tenants in connection "
                        + "Username-Password-Authentication)")
                .doesNotContain("kc-secret")
                .doesNotContain("a0-secret");
    }

    @Test
    void auth0TakesAFullBaseUrlForATestDouble() {
        runner.withPropertyValues(
                        "tenantry.idp.auth0.base-url=http://127.0.0.1:8089/",
                        "tenantry.idp.auth0.client-id=m2m",
                        "tenantry.idp.auth0.client-secret=s")
                .run(context -> {
                    assertThat(context.getBeansOfType(IdentityProvider.class).values())
                            .extracting(IdentityProvider::kind)
                            .containsExactly(IdentityProviderKind.AUTH0);
                    assertThat(context.getBean(IdentityProviderProperties.class)
                                    .auth0()
                                    .audience())
                            .isEqualTo("http://127.0.0.1:8089/api/v2/");
                });
    }
}
