package io.tenantry.command.privacy;

import io.swagger.v3.oas.annotations.Operation;
import io.tenantry.contracts.privacy.ErasePersonalDataCommand;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code DELETE /api/privacy/subjects?email=}: forget a person (partner-admin; see the security route table). */
@RestController
@RequestMapping("/api/privacy/subjects")
class PrivacyCommandController {

    private final CommandGateway commands;

    PrivacyCommandController(CommandGateway commands) {
        this.commands = commands;
    }

    @Operation(summary = "Erase a person's personal data")
    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> erase(@RequestParam @NotBlank @Email @Size(max = 320) String email) {
        commands.sendAndWait(new ErasePersonalDataCommand(email));
        return ResponseEntity.noContent().build();
    }
}
