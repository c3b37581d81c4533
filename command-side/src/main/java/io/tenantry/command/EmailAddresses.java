package io.tenantry.command;

import java.util.regex.Pattern;

/** What passes for an e-mail address here: one {@code @}, a dot in the domain, no spaces, at most 320 characters. */
public final class EmailAddresses {

    public static final int MAX_LENGTH = 320;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private EmailAddresses() {}

    /** Whether {@code email}, trimmed, looks like an address. */
    public static boolean isValid(String email) {
        return email != null
                && email.trim().length() <= MAX_LENGTH
                && EMAIL.matcher(email.trim()).matches();
    }
}
