package io.tenantry.contracts.domains;

import io.tenantry.contracts.DomainRefusal;
import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What passes for a tenant's e-mail domain, and the names its verification uses. A domain is kept in one form: ASCII
 * (an internationalised name as its punycode), lower case, without a trailing dot; at least two labels of 1 to 63
 * letters, digits and hyphens (none at either end), at most 253 characters, and a top-level label that is not all
 * digits (so no IPv4 address; an IPv6 address has characters no label has).
 */
public final class DomainNames {

    /** The label under which a domain's DNS TXT challenge is published. */
    public static final String CHALLENGE_LABEL = "_tenantry-challenge";

    /** The path of the well-known file that holds the challenge over HTTPS. */
    public static final String WELL_KNOWN_PATH = "/.well-known/tenantry-challenge.txt";

    /** What a challenge value starts with, so that a TXT record says what it is for. */
    public static final String CHALLENGE_PREFIX = "tenantry-verification=";

    private static final int MAX_LENGTH = 253;
    private static final int MAX_RAW_LENGTH = 1000;
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private DomainNames() {}

    /**
     * The domain in its one form, or 400 {@code invalid_domain} saying what is wrong.
     *
     * @param raw as a person typed it: any case, Unicode or punycode, perhaps with a trailing dot
     */
    public static String normalise(String raw) {
        if (raw == null || raw.isBlank()) {
            throw invalid("Say which domain (domain), for example acme.com.");
        }
        String text = raw.strip();
        if (text.length() > MAX_RAW_LENGTH) {
            throw invalid("A domain has at most " + MAX_LENGTH + " characters.");
        }
        if (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1);
        }
        String ascii;
        try {
            ascii = IDN.toASCII(text, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw invalid("'" + cut(raw) + "' is not a domain name.");
        }
        if (ascii.isEmpty() || ascii.length() > MAX_LENGTH) {
            throw invalid("A domain has 1 to " + MAX_LENGTH + " characters.");
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2) {
            throw invalid("'" + cut(raw) + "' has one label; a domain has at least two (acme.com).");
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw invalid("'" + cut(raw) + "' is not a domain name: each label has 1 to 63 letters, digits and"
                        + " hyphens, none at either end.");
            }
        }
        if (DIGITS.matcher(labels[labels.length - 1]).matches()) {
            throw invalid("'" + cut(raw) + "' is an address, not a domain name.");
        }
        return ascii;
    }

    /** The domain of an e-mail address in its one form, or {@code null} when it has none that is valid. */
    public static String ofEmail(String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        if (at < 0 || at == email.length() - 1) {
            return null;
        }
        try {
            return normalise(email.substring(at + 1));
        } catch (DomainRefusal notADomain) {
            return null;
        }
    }

    /** The DNS name whose TXT record holds the challenge: {@code _tenantry-challenge.<domain>}. */
    public static String challengeName(String domain) {
        return CHALLENGE_LABEL + "." + domain;
    }

    /** The address of the well-known file that holds the challenge over HTTPS. */
    public static String wellKnownUrl(String domain) {
        return "https://" + domain + WELL_KNOWN_PATH;
    }

    /** One key for a tenant's domain, as a saga associates with it. */
    public static String key(String tenantId, String domain) {
        return tenantId + "/" + domain;
    }

    private static DomainRefusal invalid(String message) {
        return DomainRefusal.invalid("invalid_domain", message);
    }

    private static String cut(String raw) {
        String text = raw.strip();
        return text.length() > 64 ? text.substring(0, 64) + "…" : text;
    }
}
