package io.tenantry.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;

class HeaderCheckingFirewallTest {

    /** Spring Security's default rule for header values, which the loop replaces. */
    private static final Pattern DEFAULT_RULE = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

    @Test
    void decidesLikeTheDefaultExpression() {
        Random random = new Random(7);
        int refused = 0;
        for (int i = 0; i < 100_000; i++) {
            StringBuilder value = new StringBuilder();
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                value.appendCodePoint(
                        switch (random.nextInt(4)) {
                            case 0 -> 0x20 + random.nextInt(0x5f);
                            case 1 -> random.nextInt(0x100);
                            case 2 -> random.nextInt(0x10000);
                            default -> random.nextInt(Character.MAX_CODE_POINT + 1);
                        });
            }
            boolean expected = DEFAULT_RULE.matcher(value).matches();
            assertThat(HeaderCheckingFirewall.allowedHeaderValue(value.toString()))
                    .as("%s", value.codePoints().toArray())
                    .isEqualTo(expected);
            refused += expected ? 0 : 1;
        }
        assertThat(refused).as("the sample holds values of both kinds").isBetween(1_000, 99_000);
    }

    @Test
    void refusesAControlCharacterInAHeaderValue() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/tenants");
        request.addHeader("Authorization", "Bearer abc\u0007def");
        var firewalled = new HeaderCheckingFirewall().httpFirewall().getFirewalledRequest(request);
        assertThatThrownBy(() -> firewalled.getHeader("Authorization")).isInstanceOf(RequestRejectedException.class);
        request.addHeader("X-Ok", "Bearer abc.déf~");
        assertThat(firewalled.getHeader("X-Ok")).isEqualTo("Bearer abc.déf~");
    }
}
