package io.tenantry.command.lead;

import io.tenantry.command.EmailAddresses;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.lead.CreateLeadCommand;

/** What a lead's registration must hold. */
final class LeadRules {

    static final int NAME_MAX = 255;

    private LeadRules() {}

    static void check(CreateLeadCommand command) {
        text(command.name(), "invalid_lead_name", "A lead's name is 1 to " + NAME_MAX + " characters.");
        text(command.companyName(), "invalid_company_name", "A company name is 1 to " + NAME_MAX + " characters.");
        if (!EmailAddresses.isValid(command.email())) {
            throw DomainRefusal.invalid("invalid_email", "A lead needs a valid e-mail address.");
        }
        if (command.codeHash() == null || command.codeHash().isBlank() || command.codeExpiresAt() == null) {
            throw DomainRefusal.invalid("verification_code_required", "A lead is created with its verification code.");
        }
    }

    private static void text(String value, String code, String message) {
        if (value == null || value.isBlank() || value.length() > NAME_MAX) {
            throw DomainRefusal.invalid(code, message);
        }
    }
}
