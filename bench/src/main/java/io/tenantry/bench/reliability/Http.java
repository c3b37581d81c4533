package io.tenantry.bench.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * The scenarios' HTTP client. Unlike the bench's, it never assumes an answer is JSON (a 500 may be anything), keeps
 * the answer's type and raw body, and tells the two ways of getting no answer apart: the connection was refused
 * (nothing reached the app, so nothing can have happened) or it was lost after the request went out (anything may
 * have happened).
 */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();

    enum Delivery {
        /** An HTTP answer came. */
        ANSWERED,
        /** No connection: the request never reached the app. */
        REFUSED,
        /** The request went out and no answer came (connection reset by a dying app, or a timeout). */
        LOST
    }

    record Answer(Delivery delivery, int status, String contentType, String body, boolean replayed, String failure) {

        boolean ok() {
            return delivery == Delivery.ANSWERED && status / 100 == 2;
        }

        JsonNode json() {
            try {
                return body == null || body.isBlank() ? null : JSON.readTree(body);
            } catch (IOException notJson) {
                return null;
            }
        }

        /** The problem's {@code code}, or null. */
        String code() {
            JsonNode json = json();
            return json == null ? null : json.path("code").asText(null);
        }

        boolean problemJson() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        /** Whether the body shows what no answer may: a stack trace, a Java class or an exception's name. */
        boolean leaksInternals() {
            return body != null
                    && (body.contains("\tat ")
                            || body.contains("at java.")
                            || body.contains("at org.")
                            || body.contains("at io.")
                            || body.matches("(?s).*\\b(java|javax|jakarta|org|io)\\.[a-z]+\\.[A-Za-z.]*Exception.*")
                            || body.contains("<html"));
        }

        @Override
        public String toString() {
            return delivery == Delivery.ANSWERED
                    ? status + " " + (body == null ? "" : abbreviate(body, 300))
                    : delivery + " (" + failure + ")";
        }
    }

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3))
            .build();
    private final IntSupplier port;
    private final Duration timeout;

    /** @param port the app's port now (it changes when the app is started again) */
    Http(IntSupplier port, Duration timeout) {
        this.port = port;
        this.timeout = timeout;
    }

    Answer get(String path, String token) {
        return send("GET", path, token, null, null);
    }

    /** One request; {@code body} is sent byte for byte (a retry must send the same bytes for its idempotency key). */
    Answer send(String method, String path, String token, String body, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.getAsInt() + path))
                .timeout(timeout);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    Delivery.ANSWERED,
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    response.body(),
                    response.headers()
                            .firstValue("Idempotent-Replayed")
                            .map("true"::equals)
                            .orElse(false),
                    null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(Delivery.LOST, 0, null, null, false, "interrupted");
        } catch (IOException e) {
            return new Answer(refused(e) ? Delivery.REFUSED : Delivery.LOST, 0, null, null, false, e.toString());
        }
    }

    private static boolean refused(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof HttpConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String abbreviate(String text, int max) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() <= max ? line : line.substring(0, max) + "...";
    }
}
