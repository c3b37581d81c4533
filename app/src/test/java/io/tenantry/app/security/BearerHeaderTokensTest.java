package io.tenantry.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

class BearerHeaderTokensTest {

    private final DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();
    private final BearerHeaderTokens ours = new BearerHeaderTokens();

    @Test
    void decidesLikeSpringSecuritysResolver() {
        List<String> fixed = List.of(
                "Bearer abc.def.ghi",
                "bearer abc",
                "BEARER a+b/c~d_e-f.g==",
                "Bearer ",
                "Bearer",
                "Bearer  abc",
                "Bearer abc ",
                "Bearerabc",
                "Bearer ==",
                "Bearer a=b",
                "Bearer a==",
                "Basic abc",
                "Bear",
                "",
                "Bearer ab\tc",
                "Bearer ab,c");
        for (String header : fixed) {
            assertSameDecision(header);
        }
        Random random = new Random(11);
        String alphabet = "aZ09-._~+/= \t,;\"é";
        int tokens = 0;
        for (int i = 0; i < 50_000; i++) {
            StringBuilder header = new StringBuilder(
                    switch (random.nextInt(4)) {
                        case 0 -> "Bearer ";
                        case 1 -> "bEaReR ";
                        case 2 -> "Bearer";
                        default -> "Basic ";
                    });
            int length = random.nextInt(8);
            for (int j = 0; j < length; j++) {
                header.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            tokens += assertSameDecision(header.toString()) ? 1 : 0;
        }
        assertThat(tokens).as("the sample holds accepted and refused headers").isBetween(1_000, 49_000);
    }

    @Test
    void noHeaderNoToken() {
        assertThat(ours.resolve(new MockHttpServletRequest("GET", "/api/tenants")))
                .isNull();
    }

    /** True when both resolved a token. */
    private boolean assertSameDecision(String header) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/tenants");
        request.addHeader("Authorization", header);
        String expected;
        String expectedError = null;
        try {
            expected = spring.resolve(request);
        } catch (OAuth2AuthenticationException e) {
            expected = null;
            expectedError = e.getError().getDescription();
        }
        String actual;
        String actualError = null;
        try {
            actual = ours.resolve(request);
        } catch (OAuth2AuthenticationException e) {
            actual = null;
            actualError = e.getError().getDescription();
            assertThat(e.getError().getErrorCode()).isEqualTo("invalid_token");
        }
        assertThat(actual).as("token from [%s]", header).isEqualTo(expected);
        assertThat(actualError).as("error for [%s]", header).isEqualTo(expectedError);
        return actual != null;
    }
}
