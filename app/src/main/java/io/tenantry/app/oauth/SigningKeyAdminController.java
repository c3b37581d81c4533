package io.tenantry.app.oauth;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/admin/signing-keys/rotate} (partner-admin): a new key signs tenant tokens from now on. */
@RestController
@Profile("!query") // the command role's: it sends commands
class SigningKeyAdminController {

    private final SigningKeys keys;

    SigningKeyAdminController(SigningKeys keys) {
        this.keys = keys;
    }

    @Operation(summary = "Rotate the key tenant tokens are signed with")
    @PostMapping("/api/admin/signing-keys/rotate")
    Map<String, Object> rotate() {
        String kid = keys.rotate();
        return Map.of(
                "kid",
                kid,
                "published",
                keys.published().getKeys().stream().map(key -> key.getKeyID()).toList());
    }
}
