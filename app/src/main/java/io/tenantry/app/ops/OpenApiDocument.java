package io.tenantry.app.ops;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the OpenAPI document at {@code /v3/api-docs} says of itself: its title, licence and server. */
@Configuration(proxyBeanMethods = false)
class OpenApiDocument {

    @Bean
    OpenAPI tenantryOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Tenantry API")
                        .version("1")
                        .description("Tenants, members, teams, invitations, leads, plans, provisioning, "
                                + "audit and the lifecycle feed of the Tenantry control plane. Errors are "
                                + "RFC 9457 problems with a stable `code`.")
                        .license(new License().name("Proprietary").identifier("LicenseRef-Proprietary")))
                .addServersItem(new Server().url("/").description("This server"));
    }
}
