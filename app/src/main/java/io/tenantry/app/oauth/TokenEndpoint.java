package io.tenantry.app.oauth;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.TokenTypeURI;
import com.nimbusds.oauth2.sdk.token.Tokens;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /oauth2/token}: the token endpoint, for the token-exchange grant only. It takes
 * {@code application/x-www-form-urlencoded} (RFC 6749), the one form body Tenantry takes, and answers in OAuth's own
 * JSON: RFC 8693 §2.2 on success, RFC 6749 §5.2 on a refusal, never a problem document or a stack trace.
 */
@RestController
@Profile("!query") // the command role's: it sends commands
class TokenEndpoint {

    private static final Logger log = LoggerFactory.getLogger(TokenEndpoint.class);

    private final TokenExchange exchange;

    TokenEndpoint(TokenExchange exchange) {
        this.exchange = exchange;
    }

    @Operation(summary = "Exchange an identity provider's token for a tenant token (RFC 8693)")
    @PostMapping(value = "/oauth2/token", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> token(HttpServletRequest request) {
        try {
            if (!isForm(request.getContentType())) {
                throw new OAuthError(
                        OAuth2Error.INVALID_REQUEST, "The body must be application/x-www-form-urlencoded (RFC 6749).");
            }
            if (request.getQueryString() != null) {
                throw new OAuthError(OAuth2Error.INVALID_REQUEST, "Parameters go in the body, not the URL.");
            }
            TokenExchange.Issued issued = exchange.exchange(parameters(request));
            BearerAccessToken token = new BearerAccessToken(
                    issued.token(),
                    issued.expiresIn(),
                    issued.scope() == null ? null : Scope.parse(issued.scope()),
                    TokenTypeURI.ACCESS_TOKEN);
            return answer(
                    HttpStatus.OK,
                    new AccessTokenResponse(new Tokens(token, null))
                            .toJSONObject()
                            .toJSONString());
        } catch (OAuthError refused) {
            return refuse(refused.error());
        } catch (TokenExchange.TooManyExchanges tooMany) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, "60")
                    .cacheControl(CacheControl.noStore())
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(new TokenErrorResponse(new ErrorObject("slow_down", tooMany.getMessage(), 429))
                            .getErrorObject()
                            .toJSONObject()
                            .toJSONString());
        } catch (RequestRejectedException rejected) {
            // the firewall refuses a form parameter name (control characters, say) when the parameters are read
            return refuse(OAuth2Error.INVALID_REQUEST.setDescription("A parameter name of the form is not allowed."));
        } catch (RuntimeException unexpected) {
            log.warn("Token exchange failed", unexpected);
            return refuse(OAuth2Error.SERVER_ERROR.setDescription("The exchange could not be completed; retry."));
        }
    }

    private static ResponseEntity<String> refuse(ErrorObject error) {
        int status = error.getHTTPStatusCode() > 0 ? error.getHTTPStatusCode() : 400;
        return answer(
                HttpStatus.valueOf(status),
                new TokenErrorResponse(error).getErrorObject().toJSONObject().toJSONString());
    }

    private static ResponseEntity<String> answer(HttpStatus status, String json) {
        return ResponseEntity.status(status)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.PRAGMA, "no-cache")
                .contentType(MediaType.APPLICATION_JSON)
                .body(json);
    }

    private static boolean isForm(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            return MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(MediaType.parseMediaType(contentType));
        } catch (org.springframework.http.InvalidMediaTypeException e) {
            return false;
        }
    }

    private static Map<String, List<String>> parameters(HttpServletRequest request) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> parameters.put(name, Arrays.asList(values)));
        return parameters;
    }
}
