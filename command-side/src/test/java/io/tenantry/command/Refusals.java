package io.tenantry.command;

import io.tenantry.contracts.DomainRefusal;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matchers for the {@link DomainRefusal}s aggregates throw, for fixtures' {@code expectException}. */
public final class Refusals {

    private Refusals() {}

    /** A {@link DomainRefusal} of this kind and code. */
    public static Matcher<Throwable> refusal(DomainRefusal.Kind kind, String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable item) {
                return item instanceof DomainRefusal refusal
                        && refusal.kind() == kind
                        && refusal.code().equals(code);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a " + kind + " refusal with code " + code);
            }
        };
    }
}
