package io.tenantry.app.web;

import io.tenantry.app.test.Api;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Requests {@link Api} cannot make: any bytes as the body, with or without a Content-Type, declared (Content-Length)
 * or chunked (no length), and any header. The answer is an {@link Api.Response}, for {@code assertProblem}.
 */
final class RawHttp {

    // HTTP/1.1 as the app speaks it: no h2c upgrade offered on each new connection
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;

    RawHttp(int port) {
        this.base = "http://localhost:" + port;
    }

    /** {@code body} null: no body; {@code chunked}: sent without a Content-Length. */
    Api.Response send(String method, String pathAndQuery, Map<String, String> headers, byte[] body, boolean chunked) {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : chunked
                        ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                        : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .method(method, publisher);
        headers.forEach(request::header);
        try {
            HttpResponse<java.io.InputStream> response =
                    http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (java.io.InputStream stream = response.body()) {
                // an event stream never ends: its status and headers are the answer; anything else is read whole
                boolean eventStream = response.headers()
                        .firstValue("Content-Type")
                        .filter(type -> type.startsWith("text/event-stream"))
                        .isPresent();
                String text =
                        eventStream ? "" : new String(stream.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                return new Api.Response(
                        response.statusCode(), response.headers().map(), text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + pathAndQuery, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
