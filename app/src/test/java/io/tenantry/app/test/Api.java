package io.tenantry.app.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantry.app.token.TokenCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A plain HTTP client for the app under test, with development tokens signed by the app's own key. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final java.util.concurrent.atomic.AtomicInteger CLIENTS =
            new java.util.concurrent.atomic.AtomicInteger();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final Path dataDir;
    /** Each Api is a client of its own address, so rate limits per address do not spill from one test to the next. */
    private final String clientAddress =
            "10.77." + (CLIENTS.get() / 250 % 250) + "." + (CLIENTS.getAndIncrement() % 250 + 1);

    public Api(int port, Path dataDir) {
        this.base = URI.create("http://localhost:" + port);
        this.dataDir = dataDir;
    }

    /** A token for {@code userId} with the given platform roles and permissions, valid for an hour. */
    public String token(String userId, List<String> roles, List<String> permissions) {
        try {
            return TokenCommand.sign(dataDir, userId, roles, permissions, Duration.ofHours(1), null, null);
        } catch (Exception e) {
            throw new IllegalStateException("could not sign a test token", e);
        }
    }

    public String token(String userId) {
        return token(userId, List.of(), List.of());
    }

    /** A token for {@code userId} with a verified {@code email} claim. */
    public String tokenWithEmail(String userId, String email) {
        try {
            return TokenCommand.sign(dataDir, userId, List.of(), List.of(), Duration.ofHours(1), null, null, email);
        } catch (Exception e) {
            throw new IllegalStateException("could not sign a test token", e);
        }
    }

    public Call call(String method, String path) {
        return new Call(method, path);
    }

    public Call get(String path) {
        return call("GET", path);
    }

    public Call post(String path) {
        return call("POST", path);
    }

    /** One request being put together. */
    public final class Call {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String body;

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
            headers.put("X-Forwarded-For", clientAddress);
        }

        public Call bearer(String token) {
            return header("Authorization", "Bearer " + token);
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** A raw JSON body, sent as is (so malformed JSON can be sent too). */
        public Call json(String json) {
            this.body = json;
            return header("Content-Type", "application/json");
        }

        /** A form body ({@code application/x-www-form-urlencoded}), each value encoded. */
        public Call form(Map<String, String> fields) {
            StringBuilder encoded = new StringBuilder();
            fields.forEach((name, value) -> {
                if (encoded.length() > 0) {
                    encoded.append('&');
                }
                encoded.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                        .append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            });
            this.body = encoded.toString();
            return header("Content-Type", "application/x-www-form-urlencoded");
        }

        public Call json(Object value) {
            try {
                return json(JSON.writeValueAsString(value));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public Response send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                    .timeout(Duration.ofSeconds(30))
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(request::header);
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Response(response.statusCode(), response.headers().map(), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** What came back. Header names are matched case-insensitively. */
    public record Response(int status, Map<String, List<String>> headers, String body) {

        public Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .flatMap(entry -> entry.getValue().stream())
                    .findFirst();
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (status " + status + "): " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + body;
        }
    }
}
