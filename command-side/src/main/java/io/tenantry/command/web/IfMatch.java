package io.tenantry.command.web;

import io.tenantry.contracts.DomainRefusal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads an {@code If-Match} header into the aggregate version a change expects ({@code null}: no expectation). */
public final class IfMatch {

    private static final Pattern ETAG = Pattern.compile("^(?:W/)?\"?(\\d{1,18})\"?$");

    private IfMatch() {}

    public static Long version(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        Matcher matcher = ETAG.matcher(header.trim());
        if (!matcher.matches()) {
            throw new DomainRefusal(
                    DomainRefusal.Kind.PRECONDITION_FAILED,
                    "version_mismatch",
                    "If-Match must be an ETag this API gave (like \"3\"); '" + header + "' matches no version.");
        }
        return Long.parseLong(matcher.group(1));
    }
}
