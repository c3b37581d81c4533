package io.tenantry.app.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A client of {@code GET /api/dashboard/stream} over plain HTTP: reads the text/event-stream as the EventSource
 * specification does (id, event, data lines; comments; a blank line ends an event) on a thread of its own.
 */
final class EventStream implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One server-sent event, or a comment ({@code comment} set, the rest null). */
    record Event(String id, String event, String data, String comment, String retry) {

        JsonNode json() {
            try {
                return JSON.readTree(data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        long position() {
            return Long.parseLong(id);
        }

        boolean isComment() {
            return comment != null;
        }
    }

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<Event> arrived = new LinkedBlockingQueue<>();
    /** Every event (comments left out) taken so far, in order. */
    private final List<Event> received = new ArrayList<>();

    private final Thread reader;

    private EventStream(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = new Thread(this::read, "event-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Connects; returns once the response headers are in (the body is read as it comes). */
    static EventStream open(int port, String token, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/dashboard/stream"))
                .header("Accept", "text/event-stream")
                .GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        try {
            return new EventStream(client.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int status() {
        return response.statusCode();
    }

    String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** The next event or comment, waiting up to {@code timeout}. */
    Event next(Duration timeout) {
        try {
            Event event = arrived.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                throw new AssertionError("no event within " + timeout + "; received so far: " + received);
            }
            if (!event.isComment()) {
                received.add(event);
            }
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Reads on until {@code count} events (comments aside) match, within {@code timeout}; answers those. */
    List<Event> await(Predicate<Event> matching, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<Event> found = new ArrayList<>();
        while (found.size() < count) {
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative()) {
                throw new AssertionError("only " + found + " of " + count + " matching events within " + timeout
                        + "; received: " + received);
            }
            Event event = next(left);
            if (!event.isComment() && matching.test(event)) {
                found.add(event);
            }
        }
        return found;
    }

    /** The events (comments aside) taken so far. */
    List<Event> received() {
        return List.copyOf(received);
    }

    /** Drops the connection, as a client that goes away does. */
    @Override
    public void close() {
        response.body().close();
        reader.interrupt();
    }

    private void read() {
        String id = null;
        String event = null;
        String retry = null;
        List<String> data = new ArrayList<>();
        try {
            Iterator<String> lines = response.body().iterator();
            while (lines.hasNext()) {
                String line = lines.next();
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        arrived.add(new Event(id, event, String.join("\n", data), null, retry));
                    } else if (retry != null) {
                        arrived.add(
                                new Event(null, null, null, "retry", retry)); // no event, a setting: kept as a comment
                    }
                    id = null;
                    event = null;
                    retry = null;
                    data.clear();
                } else if (line.startsWith(":")) {
                    arrived.add(new Event(null, null, null, line.substring(1).strip(), null));
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1);
                    value = value.startsWith(" ") ? value.substring(1) : value;
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> event = value;
                        case "data" -> data.add(value);
                        case "retry" -> retry = value;
                        default -> {}
                    }
                }
            }
        } catch (RuntimeException closed) {
            // the test closed the stream
        }
    }
}
