package io.tenantry.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.app.test.TenantryIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The application's logging configuration masks e-mail addresses in messages and in stack traces. */
@TenantryIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LogMaskingIT {

    private static final Logger log = LoggerFactory.getLogger(LogMaskingIT.class);

    @Test
    void masksAddressesInMessagesAndExceptions(CapturedOutput output) {
        log.warn(
                "could not reach secret.person@example.org",
                new IllegalStateException("bounce from other.person@example.org"));

        assertThat(output.getOut())
                .contains("s***@example.org")
                .contains("o***@example.org")
                .doesNotContain("secret.person@")
                .doesNotContain("other.person@");
    }
}
