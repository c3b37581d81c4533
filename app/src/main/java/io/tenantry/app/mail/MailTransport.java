package io.tenantry.app.mail;

/** Hands a message over for delivery: to the SMTP server when one is configured, else to the outbox directory. */
public interface MailTransport {

    /**
     * Sends {@code mail}.
     *
     * @throws RuntimeException when the message could not be handed over
     */
    void send(OutgoingMail mail);
}
