package io.tenantry.app.oauth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.token.TokenTypeURI;
import com.nimbusds.oauth2.sdk.tokenexchange.TokenExchangeGrant;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.tenantry.app.security.JwtClaimsAuthorities;
import io.tenantry.command.tenant.TenantSlugs;
import io.tenantry.contracts.Caller;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.MetaDataKeys;
import io.tenantry.contracts.tenant.GrantTenantTokenCommand;
import io.tenantry.contracts.tenant.TenantTokenGrant;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * The token-exchange grant (RFC 8693): an identity provider's token for a user ({@code subject_token}) and a tenant
 * ({@code audience} or {@code resource}, {@code tenant:<id>} or {@code tenant:<slug>}) make a tenant token, if the
 * tenant, on its current membership, says the user is a member and it is neither suspended nor deleted. With an
 * {@code actor_token} of a partner admin holding {@code tenant:impersonate} and a {@code reason}, the token lets that
 * admin act as the member ({@code act}), for a shorter time, and the tenant records it.
 */
public class TokenExchange {

    /** What an exchange answers: the token, its lifetime and scope. */
    public record Issued(String token, long expiresIn, String scope) {}

    static final String IMPERSONATE = "tenant:impersonate";
    private static final Set<TokenTypeURI> SUBJECT_TYPES =
            Set.of(TokenTypeURI.ACCESS_TOKEN, TokenTypeURI.JWT, TokenTypeURI.ID_TOKEN);
    private static final Set<TokenTypeURI> ISSUED_TYPES = Set.of(TokenTypeURI.ACCESS_TOKEN, TokenTypeURI.JWT);

    private final IssuerJwtDecoders decoders;
    private final CommandGateway commands;
    private final TenantSlugs slugs;
    private final TenantTokenSigner signer;
    private final OAuthProperties properties;
    private final Supplier<String> issuer;
    private final Clock clock;
    /**
     * Targets (slugs, ids) seen in exchanges and their tenants: a guess, checked by the tenant's answer (its slug or
     * id); a refusal or another slug forgets it and asks the command side's slug registry.
     */
    private final Cache<String, String> knownSlugs = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(10))
            .maximumSize(100_000)
            .build();

    private final Cache<String, Bucket> limits = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000)
            .build();

    public TokenExchange(
            IssuerJwtDecoders decoders,
            CommandGateway commands,
            TenantSlugs slugs,
            TenantTokenSigner signer,
            OAuthProperties properties,
            Supplier<String> issuer,
            Clock clock) {
        this.decoders = decoders;
        this.commands = commands;
        this.slugs = slugs;
        this.signer = signer;
        this.properties = properties;
        this.issuer = issuer;
        this.clock = clock;
    }

    /** Exchanges, from the request's form parameters (each given once); refuses with an {@link OAuthError}. */
    public Issued exchange(Map<String, List<String>> parameters) {
        parameters.forEach((name, values) -> {
            if (values.size() > 1 && !"audience".equals(name) && !"resource".equals(name)) {
                throw new OAuthError(OAuth2Error.INVALID_REQUEST, "\"" + name + "\" is given more than once.");
            }
        });
        String grantType = first(parameters, "grant_type");
        if (grantType == null) {
            throw new OAuthError(OAuth2Error.INVALID_REQUEST, "\"grant_type\" is missing.");
        }
        if (!GrantType.TOKEN_EXCHANGE.getValue().equals(grantType)) {
            throw new OAuthError(
                    OAuth2Error.UNSUPPORTED_GRANT_TYPE,
                    "Only " + GrantType.TOKEN_EXCHANGE.getValue() + " is granted here.");
        }
        TokenExchangeGrant grant;
        try {
            grant = TokenExchangeGrant.parse(parameters);
        } catch (ParseException e) {
            throw new OAuthError(
                    e.getErrorObject() == null ? OAuth2Error.INVALID_REQUEST : e.getErrorObject(), e.getMessage());
        }
        if (!SUBJECT_TYPES.contains(grant.getSubjectTokenType())) {
            throw new OAuthError(
                    OAuth2Error.INVALID_REQUEST,
                    "\"subject_token_type\" must be an access token, an ID token or a JWT.");
        }
        if (grant.getRequestedTokenType() != null && !ISSUED_TYPES.contains(grant.getRequestedTokenType())) {
            throw new OAuthError(OAuth2Error.INVALID_REQUEST, "Tenantry issues access tokens (JWTs) only.");
        }
        String target = target(grant, parameters);
        Jwt subject = verified(grant.getSubjectToken().getValue(), "subject_token");
        consume(subject.getSubject());
        Jwt actor = null;
        String reason = first(parameters, "reason");
        if (grant.getActorToken() != null) {
            actor = verified(grant.getActorToken().getValue(), "actor_token");
            if (!JwtClaimsAuthorities.roles(actor).contains(Caller.PARTNER_ADMIN)
                    || !JwtClaimsAuthorities.permissions(actor).contains(IMPERSONATE)) {
                throw new OAuthError(
                        OAuth2Error.INVALID_GRANT,
                        "The actor may not act as members: it takes role partner-admin and permission " + IMPERSONATE
                                + ".");
            }
            if (reason == null || reason.isBlank()) {
                throw new OAuthError(OAuth2Error.INVALID_REQUEST, "Acting as a member takes a \"reason\".");
            }
        }
        String scope = scope(first(parameters, "scope"), subject);

        Instant now = clock.instant();
        Instant expiresAt = now.plus(actor == null ? properties.tokenTtl() : properties.impersonationTtl());
        expiresAt = earliest(expiresAt, subject.getExpiresAt());
        if (actor != null) {
            expiresAt = earliest(expiresAt, actor.getExpiresAt());
        }
        if (!expiresAt.isAfter(now)) {
            // within the verifier's allowance for clock skew, but a token to issue needs a life ahead of it
            throw new OAuthError(OAuth2Error.INVALID_GRANT, "The subject or actor token has expired.");
        }
        String actorId = actor == null ? null : actor.getSubject();
        // the subject's own token binds the member provisioned (SCIM) for its verified address; an unverified one not
        String verifiedEmail = actor == null ? JwtClaimsAuthorities.verifiedEmail(subject) : null;
        String why = actor == null ? null : reason.trim();
        Instant until = actor == null ? null : expiresAt;
        // an impersonation is recorded by the tenant it is sent to: never on a guess
        String known = actor == null ? knownSlugs.getIfPresent(target) : null;
        TenantTokenGrant granted;
        if (known != null) {
            try {
                granted = granted(
                        new GrantTenantTokenCommand(known, subject.getSubject(), actorId, why, until, verifiedEmail));
            } catch (OAuthError refused) {
                granted = null; // the slug may have moved to another tenant since: ask again below
            }
            if (granted == null || !names(target, granted)) {
                knownSlugs.invalidate(target);
                known = null;
            }
        } else {
            granted = null;
        }
        if (known == null) {
            String tenantId = slugs.tenantOf(target).orElse(target);
            granted = granted(
                    new GrantTenantTokenCommand(tenantId, subject.getSubject(), actorId, why, until, verifiedEmail));
            if (names(target, granted)) {
                knownSlugs.put(target, tenantId);
            }
        }
        String token = signer.sign(
                issuer.get(),
                subject.getSubject(),
                granted,
                scope,
                actor == null ? null : actor.getSubject(),
                now,
                expiresAt);
        return new Issued(token, Math.max(0, Duration.between(now, expiresAt).toSeconds()), scope);
    }

    private TenantTokenGrant granted(GrantTenantTokenCommand command) {
        try {
            // the exchange runs signed out: who asks (the acting partner admin, else the subject) is the actor on
            // record, and the one the impersonation names in the audit log
            return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(Map.of(
                            MetaDataKeys.ACTOR_ID, command.actor() != null ? command.actor() : command.subject())));
        } catch (RuntimeException e) {
            Throwable failure = e;
            while ((failure instanceof CompletionException || failure instanceof CommandExecutionException)
                    && failure.getCause() != null) {
                failure = failure.getCause();
            }
            if (failure instanceof AggregateNotFoundException) {
                throw new OAuthError(OAuth2Error.INVALID_TARGET, "There is no tenant " + command.tenantId() + ".");
            }
            if (failure instanceof DomainRefusal refusal) {
                throw new OAuthError(
                        refusal.kind() == DomainRefusal.Kind.INVALID
                                ? OAuth2Error.INVALID_REQUEST
                                : OAuth2Error.INVALID_TARGET,
                        refusal.getMessage());
            }
            throw e;
        }
    }

    /** Whether the target (a slug or an id) names the tenant that answered. */
    private static boolean names(String target, TenantTokenGrant granted) {
        return target.equals(granted.slug()) || target.equals(granted.tenantId());
    }

    /** The one tenant named by {@code audience} or {@code resource}: {@code tenant:<id>} or {@code tenant:<slug>}. */
    private static String target(TokenExchangeGrant grant, Map<String, List<String>> parameters) {
        Set<String> targets = new LinkedHashSet<>();
        if (grant.getAudience() != null) {
            grant.getAudience().forEach(audience -> targets.add(audience.getValue()));
        }
        targets.addAll(parameters.getOrDefault("resource", List.of()));
        if (targets.isEmpty()) {
            throw new OAuthError(
                    OAuth2Error.INVALID_REQUEST, "Name the tenant: audience=tenant:<id or slug> (or resource=...).");
        }
        if (targets.size() > 1) {
            throw new OAuthError(OAuth2Error.INVALID_TARGET, "A tenant token is for one tenant; name one.");
        }
        String target = targets.iterator().next();
        if (!target.startsWith(TenantTokenSigner.AUDIENCE_PREFIX)
                || target.length() == TenantTokenSigner.AUDIENCE_PREFIX.length()
                || target.length() > 300) {
            throw new OAuthError(OAuth2Error.INVALID_TARGET, "The audience is a tenant: tenant:<id> or tenant:<slug>.");
        }
        return target.substring(TenantTokenSigner.AUDIENCE_PREFIX.length());
    }

    private Jwt verified(String token, String parameter) {
        Jwt jwt;
        try {
            jwt = decoders.decodeSubject(token);
        } catch (JwtException e) {
            throw new OAuthError(
                    OAuth2Error.INVALID_GRANT, "The " + parameter + " is not valid here: " + reasonOf(e) + ".");
        }
        if (jwt.getSubject() == null || jwt.getSubject().isBlank()) {
            throw new OAuthError(OAuth2Error.INVALID_GRANT, "The " + parameter + " names no subject (sub).");
        }
        return jwt;
    }

    /** The scopes asked for, each of them among the subject token's own when it has any; else the subject's. */
    private static String scope(String requested, Jwt subject) {
        Collection<String> granted = JwtClaimsAuthorities.scopes(subject);
        if (requested == null || requested.isBlank()) {
            return granted.isEmpty() ? null : String.join(" ", granted);
        }
        List<String> asked =
                Arrays.stream(requested.trim().split("\\s+")).distinct().toList();
        if (!granted.isEmpty() && !granted.containsAll(asked)) {
            throw new OAuthError(OAuth2Error.INVALID_SCOPE, "A tenant token narrows the subject token's scope only.");
        }
        return String.join(" ", asked);
    }

    private void consume(String subject) {
        Bucket bucket = limits.get(
                subject,
                key -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(properties.exchangesPerMinute())
                                .refillGreedy(properties.exchangesPerMinute(), Duration.ofMinutes(1))
                                .build())
                        .build());
        if (!bucket.tryConsume(1)) {
            throw new TooManyExchanges();
        }
    }

    private static Instant earliest(Instant a, Instant b) {
        return b != null && b.isBefore(a) ? b : a;
    }

    private static String first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String reasonOf(JwtException e) {
        String message = e.getMessage() == null ? "unreadable" : e.getMessage();
        // Spring's wording ("An error occurred while attempting to decode the Jwt: ...") is about itself
        int colon = message.indexOf(": ");
        return (colon > 0 && message.startsWith("An error occurred") ? message.substring(colon + 2) : message)
                .replaceAll("\\.$", "");
    }

    /** More exchanges for one subject than {@code tenantry.oauth.exchanges-per-minute}. */
    static class TooManyExchanges extends RuntimeException {
        TooManyExchanges() {
            super("Too many token exchanges for this subject; wait a minute.");
        }
    }
}
