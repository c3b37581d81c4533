package io.tenantry.command.privacy;

import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.privacy.ErasePersonalDataCommand;
import io.tenantry.contracts.privacy.PersonalDataErasedEvent;
import io.tenantry.contracts.privacy.SubjectFingerprints;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.stereotype.Component;

/**
 * Erasure (GDPR art. 17) by crypto-shredding: destroys the person's keys and records {@link PersonalDataErasedEvent}
 * in the same transaction, so either both happen or neither. The event names the subject by fingerprint only.
 */
@Component
class PersonalDataEraser {

    private final SubjectFingerprints fingerprints;
    private final SubjectKeys keys;
    private final EventGateway events;

    PersonalDataEraser(SubjectFingerprints fingerprints, SubjectKeys keys, EventGateway events) {
        this.fingerprints = fingerprints;
        this.keys = keys;
        this.events = events;
    }

    @CommandHandler
    void handle(ErasePersonalDataCommand command) {
        if (command.email() == null || command.email().isBlank()) {
            throw DomainRefusal.invalid("email_required", "Say whose data to erase: an e-mail address.");
        }
        String subjectId = fingerprints.of(command.email());
        if (keys.destroy(subjectId) == 0) {
            throw DomainRefusal.notFound(
                    "unknown_data_subject",
                    "No personal data is kept for this e-mail address (never stored, or already erased).");
        }
        events.publish(new PersonalDataErasedEvent(subjectId));
    }
}
