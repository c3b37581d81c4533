package io.tenantry.command.domains;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The domains of public e-mail providers (gmail.com, outlook.com, ...): no tenant claims one, since its addresses
 * belong to anyone. Read once from {@value #RESOURCE}, a list maintained elsewhere whose source and licence its header
 * names; a domain under a listed one (mail.gmail.com) counts as listed.
 */
public final class PublicEmailDomains {

    static final String RESOURCE = "/io/tenantry/command/domains/free-email-domains.txt";

    private final Set<String> domains;

    private PublicEmailDomains(Set<String> domains) {
        this.domains = Set.copyOf(domains);
    }

    /** The shipped list. */
    public static PublicEmailDomains load() {
        try (InputStream in = PublicEmailDomains.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the list of public e-mail domains is missing: " + RESOURCE);
            }
            Set<String> domains = new HashSet<>();
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String domain = line.strip().toLowerCase(Locale.ROOT);
                if (!domain.isEmpty() && !domain.startsWith("#")) {
                    domains.add(domain);
                }
            }
            return new PublicEmailDomains(domains);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A list of one's own (tests). */
    public static PublicEmailDomains of(Set<String> domains) {
        return new PublicEmailDomains(domains);
    }

    /** Whether {@code domain} (normalised) is a public provider's, or under one. */
    public boolean contains(String domain) {
        for (String candidate = domain; candidate != null; candidate = parent(candidate)) {
            if (domains.contains(candidate)) {
                return true;
            }
        }
        return false;
    }

    public int size() {
        return domains.size();
    }

    private static String parent(String domain) {
        int dot = domain.indexOf('.');
        return dot < 0 ? null : domain.substring(dot + 1);
    }
}
