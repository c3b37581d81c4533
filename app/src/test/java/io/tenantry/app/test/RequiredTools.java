package io.tenantry.app.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Tools a test needs from outside Maven (a browser, Node.js): skipped without them, failed when {@code CI=true}. */
public final class RequiredTools {

    private RequiredTools() {}

    /** In CI a missing tool is a failure: a test that skips there is a test that does not exist. */
    public static void require(boolean installed, String missing) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            assertThat(installed).as(missing).isTrue();
        }
        assumeTrue(installed, missing);
    }
}
