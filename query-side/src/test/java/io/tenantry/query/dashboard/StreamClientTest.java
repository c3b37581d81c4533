package io.tenantry.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantry.contracts.lifecycle.LifecycleEventPage;
import io.tenantry.contracts.lifecycle.LifecycleNotice;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** How one stream joins its replay to the live events, keeps a slow client bounded, and goes quiet when gone. */
class StreamClientTest {

    private static final Pattern ID = Pattern.compile("^id:(\\d+)$", Pattern.MULTILINE);

    private final RecordingEmitter emitter = new RecordingEmitter();
    private final Queue<Runnable> sender = new ArrayDeque<>();
    private final AtomicInteger forgotten = new AtomicInteger();

    @Test
    void replaysWhatWasMissedThenSendsLiveEventsWithoutDuplicates() {
        LongFunction<LifecycleEventPage> feed = after -> after < 14
                ? new LifecycleEventPage(List.of(event(11), event(13)), 14)
                : new LifecycleEventPage(List.of(), 14);
        StreamClient client = client(2, 10L, 12, feed);

        client.start();
        client.offer(event(13)); // handed out live while the replay was reading it too
        client.offer(event(15));
        runSender();

        assertThat(ids()).containsExactly(11L, 13L, 15L);
        assertThat(emitter.sent.get(0))
                .contains("event:io.tenantry.tenant.updated.v1")
                .contains("\"position\":11");
    }

    @Test
    void withoutLastEventIdSendsOnlyWhatComesAfterItJoined() {
        StreamClient client = client(4, null, 20, after -> {
            throw new AssertionError("no replay without Last-Event-ID");
        });

        client.start();
        client.offer(event(21));
        client.offer(event(22));
        runSender();

        assertThat(ids()).containsExactly(21L, 22L);
    }

    @Test
    void closesAClientThatFallsFurtherBehindThanItsBuffer() {
        StreamClient client = client(2, null, 0, after -> new LifecycleEventPage(List.of(), after));
        client.start(); // its sender does not get to run: the client is stuck

        client.offer(event(1));
        client.offer(event(2));
        assertThat(client.isClosed()).isFalse();
        client.offer(event(3));

        assertThat(client.isClosed()).isTrue();
        assertThat(emitter.completed).isTrue();
        assertThat(forgotten).hasValue(1);
        runSender();
        assertThat(emitter.sent).as("nothing more once closed").isEmpty();
    }

    @Test
    void sendsHeartbeatsAsComments() {
        StreamClient client = client(2, null, 0, after -> new LifecycleEventPage(List.of(), after));
        client.start();
        client.heartbeat();
        runSender();

        assertThat(emitter.sent).containsExactly(":heartbeat\n\n");
    }

    @Test
    void forgetsAClientThatCannotBeWrittenTo() {
        StreamClient client = client(2, null, 0, after -> new LifecycleEventPage(List.of(), after));
        client.start();
        emitter.broken = true;
        client.offer(event(1));
        runSender();

        assertThat(client.isClosed()).isTrue();
        assertThat(forgotten).hasValue(1);
        client.offer(event(2));
        assertThat(sender).as("nothing is scheduled for a closed client").isEmpty();
    }

    private StreamClient client(int buffer, Long lastEventId, long liveFrom, LongFunction<LifecycleEventPage> feed) {
        return new StreamClient(
                emitter,
                new ObjectMapper(),
                sender::add,
                buffer,
                lastEventId,
                liveFrom,
                feed,
                closed -> forgotten.incrementAndGet());
    }

    private void runSender() {
        Runnable task;
        while ((task = sender.poll()) != null) {
            task.run();
        }
    }

    private List<Long> ids() {
        List<Long> ids = new ArrayList<>();
        for (String text : emitter.sent) {
            Matcher id = ID.matcher(text);
            if (id.find()) {
                ids.add(Long.parseLong(id.group(1)));
            }
        }
        return ids;
    }

    private static LifecycleNotice event(long position) {
        return new LifecycleNotice(
                LifecycleNotice.SPEC_VERSION,
                "event-" + position,
                "urn:test",
                "io.tenantry.tenant.updated.v1",
                "tenant-1",
                "2025-01-01T00:00:00Z",
                LifecycleNotice.DATA_CONTENT_TYPE,
                position,
                position,
                Map.of("tenantId", "tenant-1"));
    }

    /** Spring's emitter, writing what it would send into a list instead of a response. */
    private static final class RecordingEmitter extends SseEmitter {

        final List<String> sent = new ArrayList<>();
        boolean completed;
        boolean broken;

        @Override
        public void send(SseEventBuilder builder) throws IOException {
            if (broken) {
                throw new IOException("Broken pipe");
            }
            StringBuilder text = new StringBuilder();
            builder.build().forEach(part -> text.append(part.getData()));
            sent.add(text.toString());
        }

        @Override
        public synchronized void complete() {
            completed = true;
        }
    }
}
