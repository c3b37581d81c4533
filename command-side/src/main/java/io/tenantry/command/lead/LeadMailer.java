package io.tenantry.command.lead;

/** Sends a lead its verification link. Implementations never log the code. */
public interface LeadMailer {

    /**
     * Sends the link carrying {@code code} to {@code email}.
     *
     * @throws RuntimeException when the message could not be handed over for delivery
     */
    void sendVerification(String email, String name, String leadId, String code);
}
