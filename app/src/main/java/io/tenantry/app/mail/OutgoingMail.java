package io.tenantry.app.mail;

/**
 * A plain-text message to one recipient. {@code reference} names what it is about ({@code lead-<id>},
 * {@code invitation-<id>}) for file names and logs; the text may hold a secret link and is never logged.
 */
public record OutgoingMail(String to, String subject, String text, String reference) {

    @Override
    public String toString() {
        return "OutgoingMail[reference=" + reference + "]";
    }
}
