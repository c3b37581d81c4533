package io.tenantry.app.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Masks e-mail addresses in log text: {@code jane.doe@example.com} becomes {@code j***@example.com}. */
public final class PersonalDataMasking {

    private static final Pattern EMAIL =
            Pattern.compile("([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})");

    private PersonalDataMasking() {}

    public static String mask(String text) {
        if (text == null || text.indexOf('@') < 0) {
            return text;
        }
        Matcher matcher = EMAIL.matcher(text);
        return matcher.find() ? matcher.replaceAll("$1***@$2") : text;
    }
}
