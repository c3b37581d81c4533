package io.tenantry.app.idempotency;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantry.app.web.ProblemResponses;
import io.tenantry.command.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on writes (POST, PUT, PATCH, DELETE): the first request with a key runs and its answer is
 * kept ({@code tenantry.idempotency.ttl}); a retry with the same key, method, path and body gets that answer again
 * ({@code Idempotent-Replayed: true}) and runs nothing; the same key with another request is 422
 * {@code idempotency_key_reused}. Keys are per caller (the token's subject). Of concurrent requests with one key,
 * exactly one runs: the others wait for its answer (up to {@code wait-for}), then answer 409
 * {@code idempotency_key_in_progress}. Server errors (5xx) and 429 are not kept, so a retry runs again. Runs after
 * Spring Security, so a request refused there never claims a key.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Pattern WELL_FORMED = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final List<String> KEPT_HEADERS =
            List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.ETAG, HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER);
    private static final int MAX_BODY = 8 * 1024 * 1024;

    private final IdempotencyStore store;
    private final ObjectMapper json;

    IdempotencyFilter(IdempotencyStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null || !WRITES.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!WELL_FORMED.matcher(key).matches()) {
            problem(
                    request,
                    response,
                    HttpStatus.BAD_REQUEST,
                    "invalid_idempotency_key",
                    "The Idempotency-Key must be 1 to 255 visible ASCII characters.");
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            problem(
                    request,
                    response,
                    HttpStatus.PAYLOAD_TOO_LARGE,
                    "payload_too_large",
                    "The request body is too large.");
            return;
        }
        String caller = caller();
        String hash = hash(request, body);
        HttpServletRequest replayable = new CachedBodyRequest(request, body);

        if (store.claim(caller, key, hash)) {
            run(replayable, response, chain, caller, key);
            return;
        }
        Instant giveUpAt = Instant.now().plus(store.waitFor());
        while (true) {
            Optional<IdempotencyStore.Entry> entry = store.find(caller, key);
            if (entry.isEmpty()) {
                if (store.claim(caller, key, hash)) { // released (a 5xx) or expired meanwhile
                    run(replayable, response, chain, caller, key);
                    return;
                }
                continue;
            }
            IdempotencyStore.Entry known = entry.get();
            if (!known.requestHash().equals(hash)) {
                problem(
                        request,
                        response,
                        HttpStatus.UNPROCESSABLE_ENTITY,
                        "idempotency_key_reused",
                        "This Idempotency-Key was used for another request (method, path or body); use a new key "
                                + "for a new request.");
                return;
            }
            if (known.state() == IdempotencyStore.State.DONE) {
                replay(known, response);
                return;
            }
            if (known.lockedUntil().isBefore(Instant.now()) && store.takeOver(caller, key, hash)) {
                run(replayable, response, chain, caller, key); // its first request never finished
                return;
            }
            if (Instant.now().isAfter(giveUpAt)) {
                response.setHeader(HttpHeaders.RETRY_AFTER, "1");
                problem(
                        request,
                        response,
                        HttpStatus.CONFLICT,
                        "idempotency_key_in_progress",
                        "A request with this Idempotency-Key is still running; retry shortly for its answer.");
                return;
            }
            sleep(Duration.ofMillis(50));
        }
    }

    private void run(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain, String caller, String key)
            throws ServletException, IOException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(request, captured);
            int status = captured.getStatus();
            if (status < 500 && status != HttpStatus.TOO_MANY_REQUESTS.value()) {
                kept = keep(caller, key, status, captured);
            }
        } finally {
            if (!kept) {
                release(caller, key);
            }
            captured.copyBodyToResponse();
        }
    }

    /**
     * Keeps the answer for retries. The database may fail here (it went away after the write): the write's own
     * answer still goes out, not a failure of this bookkeeping; a retry then runs the request again.
     */
    private boolean keep(String caller, String key, int status, ContentCachingResponseWrapper captured)
            throws IOException {
        try {
            store.complete(
                    caller,
                    key,
                    status,
                    json.writeValueAsString(keptHeaders(captured)),
                    captured.getContentAsByteArray());
            return true;
        } catch (DataAccessException e) {
            log.warn(
                    "The answer ({}) to a request with an Idempotency-Key could not be kept: {}", status, e.toString());
            return false;
        }
    }

    /** Frees the key; if the database is away, the key stays held until {@code lock-timeout} (then a retry runs). */
    private void release(String caller, String key) {
        try {
            store.release(caller, key);
        } catch (DataAccessException e) {
            log.warn("An Idempotency-Key could not be released, it is held until its lock times out: {}", e.toString());
        }
    }

    private static Map<String, String> keptHeaders(HttpServletResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : KEPT_HEADERS) {
            String value = response.getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        return headers;
    }

    private void replay(IdempotencyStore.Entry entry, HttpServletResponse response) throws IOException {
        response.setStatus(entry.status());
        Map<String, String> headers = json.readValue(entry.headers(), new TypeReference<>() {});
        headers.forEach(response::setHeader);
        response.setHeader(REPLAYED, "true");
        if (entry.body() != null && entry.body().length > 0) {
            response.setContentLength(entry.body().length);
            response.getOutputStream().write(entry.body());
        }
    }

    private void problem(
            HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code, String detail)
            throws IOException {
        ProblemDetail problem = Problems.of(status, code, status.getReasonPhrase(), detail);
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        ProblemResponses.write(response, json, problem);
    }

    /** Keys are the caller's own: the token's subject, or nobody's for the public endpoints. */
    private static String caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() || authentication.getName() == null
                ? "anonymous"
                : authentication.getName();
    }

    private static String hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            String target = request.getMethod() + " " + request.getRequestURI()
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString()) + "\n";
            sha256.update(target.getBytes(StandardCharsets.UTF_8));
            sha256.update(body);
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration duration) throws IOException {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for a request with the same Idempotency-Key", e);
        }
    }

    /** The request with its body read once and served again to whoever reads it next. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(
                    new ByteArrayInputStream(body),
                    encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
