package io.tenantry.app.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.tenantry.app.embedded.DevJwtKeys;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * {@code java -jar tenantry.jar token --sub alice --roles partner-admin --permissions tenant:create} prints an RS256
 * token signed with the embedded default's development key, for pasting into curl. It starts no server.
 */
public final class TokenCommand {

    public static final String NAME = "token";
    static final Duration DEFAULT_TTL = Duration.ofHours(12);
    private static final String USAGE = """
            Usage: java -jar tenantry.jar token --sub <user id> [--roles r1,r2] [--permissions p1,p2]
                   [--email verified@address] [--ttl 12h] [--aud audience] [--iss issuer] [--data-dir ./tenantry-data]
            Prints a development JWT signed with the key the embedded default generated under <data-dir>/jwt
            (the key is created if missing). The data directory defaults to $TENANTRY_DATA_DIR, else
             ./tenantry-data.""";

    private TokenCommand() {}

    /** Runs the command; returns the process exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (options.containsKey("help")) {
            out.println(USAGE);
            return 0;
        }
        try {
            Path dataDir = Path.of(options.getOrDefault("data-dir", defaultDataDir()))
                    .toAbsolutePath()
                    .normalize();
            DevJwtKeys.ensure(dataDir);
            Duration ttl = parseDuration(options.getOrDefault("ttl", "12h"));
            out.println(sign(
                    dataDir,
                    options.get("sub"),
                    list(options.get("roles")),
                    list(options.get("permissions")),
                    ttl,
                    options.get("aud"),
                    options.get("iss"),
                    options.get("email")));
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (IOException | JOSEException | RuntimeException e) {
            err.println("Could not make a token: " + e.getMessage());
            return 1;
        }
    }

    /** Signs a token with the development key of {@code dataDir}. */
    public static String sign(
            Path dataDir,
            String subject,
            List<String> roles,
            List<String> permissions,
            Duration ttl,
            String audience,
            String issuer)
            throws IOException, JOSEException {
        return sign(dataDir, subject, roles, permissions, ttl, audience, issuer, null);
    }

    /** Signs a token with the development key of {@code dataDir}; {@code email}, if given, as a verified address. */
    public static String sign(
            Path dataDir,
            String subject,
            List<String> roles,
            List<String> permissions,
            Duration ttl,
            String audience,
            String issuer,
            String email)
            throws IOException, JOSEException {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .claim("roles", roles)
                .claim("permissions", permissions);
        if (email != null) {
            claims.claim("email", email).claim("email_verified", true);
        }
        if (audience != null) {
            claims.audience(audience);
        }
        if (issuer != null) {
            claims.issuer(issuer);
        }
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims.build());
        jwt.sign(new RSASSASigner(DevJwtKeys.readPrivateKey(dataDir)));
        return jwt.serialize();
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> known = List.of("sub", "roles", "permissions", "email", "ttl", "aud", "iss", "data-dir");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                options.put("help", "");
                return options;
            }
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument: " + arg);
            }
            String name = arg.substring(2);
            String value;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("Option --" + name + " needs a value");
            }
            if (!known.contains(name)) {
                throw new IllegalArgumentException("Unknown option --" + name);
            }
            options.put(name, value);
        }
        if (!options.containsKey("help")
                && (options.get("sub") == null || options.get("sub").isBlank())) {
            throw new IllegalArgumentException("--sub is required");
        }
        return options;
    }

    static String defaultDataDir() {
        String fromEnvironment = System.getenv("TENANTRY_DATA_DIR");
        return fromEnvironment != null && !fromEnvironment.isBlank() ? fromEnvironment : "./tenantry-data";
    }

    private static List<String> list(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** {@code 90s}, {@code 30m}, {@code 12h}, {@code 7d} or ISO-8601 ({@code PT12H}). */
    static Duration parseDuration(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (value.startsWith("p")) {
                return positive(Duration.parse(value.toUpperCase(Locale.ROOT)), text);
            }
            long amount = Long.parseLong(value.substring(0, value.length() - 1));
            return positive(
                    switch (value.charAt(value.length() - 1)) {
                        case 's' -> Duration.ofSeconds(amount);
                        case 'm' -> Duration.ofMinutes(amount);
                        case 'h' -> Duration.ofHours(amount);
                        case 'd' -> Duration.ofDays(amount);
                        default ->
                            throw new IllegalArgumentException("Bad --ttl " + text + ": use 90s, 30m, 12h or 7d");
                    },
                    text);
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("Bad --ttl " + text + ": use 90s, 30m, 12h or 7d");
        }
    }

    private static Duration positive(Duration duration, String text) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("Bad --ttl " + text + ": it must be positive");
        }
        return duration;
    }
}
