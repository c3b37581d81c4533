package io.tenantry.app.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

/** The token exchange (RFC 8693) as a client posts it to {@code POST /oauth2/token}. */
public final class TokenExchanges {

    public static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:token-exchange";
    public static final String ACCESS_TOKEN = "urn:ietf:params:oauth:token-type:access_token";

    private TokenExchanges() {}

    /** The form of an exchange of {@code subjectToken} for {@code audience} ({@code tenant:<id or slug>}); mutable. */
    public static Map<String, String> form(String subjectToken, String audience) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", GRANT_TYPE);
        form.put("subject_token", subjectToken);
        form.put("subject_token_type", ACCESS_TOKEN);
        form.put("audience", audience);
        return form;
    }

    /** A tenant token for {@code audience}, the exchange answered 200. */
    public static String tenantToken(Api api, String subjectToken, String audience) {
        Api.Response answer =
                api.post("/oauth2/token").form(form(subjectToken, audience)).send();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json().path("access_token").asText();
    }
}
