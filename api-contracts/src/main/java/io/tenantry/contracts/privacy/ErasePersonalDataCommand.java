package io.tenantry.contracts.privacy;

/** Forget a person (GDPR art. 17): destroy the key of every personal datum tied to this e-mail address. */
public record ErasePersonalDataCommand(String email) {

    @Override
    public String toString() {
        // never log the address
        return "ErasePersonalDataCommand[email=***]";
    }
}
