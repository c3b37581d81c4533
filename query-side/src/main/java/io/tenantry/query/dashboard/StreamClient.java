package io.tenantry.query.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantry.contracts.lifecycle.LifecycleEventPage;
import io.tenantry.contracts.lifecycle.LifecycleNotice;
import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open stream. It first replays what the client missed (the catch-up feed after its {@code Last-Event-ID}), then
 * sends the live events {@link LifecycleStream} hands it, skipping any at or below the last position sent: replay and
 * live overlap without duplicates, and nothing falls between them. One send runs at a time (on the shared sender
 * pool), so a slow client holds only its own thread; live events wait in a bounded buffer, and a client that lets it
 * overflow is disconnected, to catch up from the event store when it reconnects.
 */
final class StreamClient {

    private static final Logger log = LoggerFactory.getLogger(StreamClient.class);

    private final SseEmitter emitter;
    private final ObjectMapper json;
    private final Executor sender;
    private final LongFunction<LifecycleEventPage> feed;
    private final Consumer<StreamClient> onClose;
    private final BlockingQueue<LifecycleNotice> live;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean heartbeatDue;
    private volatile boolean replayDue;
    /** The position of the last event sent (or known to the client); written only by the one running send. */
    private long lastSent;

    /**
     * @param replayAfter the client's {@code Last-Event-ID}: replay from there first; {@code null}: live events only
     * @param liveFrom    where the live events handed to this client start (those after it)
     * @param feed        the catch-up feed: a page of lifecycle events after a position
     */
    StreamClient(
            SseEmitter emitter,
            ObjectMapper json,
            Executor sender,
            int buffer,
            Long replayAfter,
            long liveFrom,
            LongFunction<LifecycleEventPage> feed,
            Consumer<StreamClient> onClose) {
        this.emitter = emitter;
        this.json = json;
        this.sender = sender;
        this.feed = feed;
        this.onClose = onClose;
        this.live = new ArrayBlockingQueue<>(buffer);
        this.replayDue = replayAfter != null;
        this.lastSent = replayAfter != null ? replayAfter : liveFrom;
        emitter.onCompletion(this::forget);
        emitter.onTimeout(this::close);
        emitter.onError(failure -> forget());
    }

    /** Starts the stream: the replay, if any, and whatever is live by then. */
    void start() {
        schedule();
    }

    /** A live event, in the feed's order. */
    void offer(LifecycleNotice event) {
        if (closed.get()) {
            return;
        }
        if (!live.offer(event)) {
            log.info(
                    "Closing a lifecycle stream whose client fell {} events behind; it catches up on reconnecting",
                    live.size());
            close();
            return;
        }
        schedule();
    }

    void heartbeat() {
        heartbeatDue = true;
        schedule();
    }

    /** Ends the stream from the server's side. */
    void close() {
        if (forget()) {
            try {
                emitter.complete();
            } catch (RuntimeException alreadyGone) {
                // the response is already finished
            }
        }
    }

    boolean isClosed() {
        return closed.get();
    }

    /** Marks the stream closed and forgets it; true the first time only. */
    private boolean forget() {
        if (closed.compareAndSet(false, true)) {
            live.clear();
            onClose.accept(this);
            return true;
        }
        return false;
    }

    private void schedule() {
        if (!closed.get() && scheduled.compareAndSet(false, true)) {
            try {
                sender.execute(this::send);
            } catch (RejectedExecutionException shuttingDown) {
                scheduled.set(false);
                close();
            }
        }
    }

    private void send() {
        try {
            if (replayDue) {
                replay();
                replayDue = false;
            }
            LifecycleNotice event;
            while (!closed.get() && (event = live.poll()) != null) {
                send(event);
            }
            if (heartbeatDue && !closed.get()) {
                heartbeatDue = false;
                emitter.send(SseEmitter.event().comment("heartbeat"));
            }
        } catch (IOException | IllegalStateException gone) {
            // the client went away (or the response was completed meanwhile): the container ends the request
            forget();
        } catch (RuntimeException failure) {
            log.warn("Closing a lifecycle stream that failed: {}", failure.toString());
            close();
        } finally {
            scheduled.set(false);
        }
        if (!closed.get() && (!live.isEmpty() || heartbeatDue)) {
            schedule(); // arrived while this run was finishing
        }
    }

    /** Everything after the client's last event, page by page, until the feed has nothing newer. */
    private void replay() throws IOException {
        long after = lastSent;
        while (!closed.get()) {
            LifecycleEventPage page = feed.apply(after);
            for (LifecycleNotice event : page.events()) {
                send(event);
            }
            if (page.next() <= after) {
                return;
            }
            after = page.next();
        }
    }

    private void send(LifecycleNotice event) throws IOException {
        if (event.position() == null || event.position() <= lastSent) {
            return; // replayed already, or older than what the client asked for
        }
        emitter.send(SseEmitter.event()
                .id(Long.toString(event.position()))
                .name(event.type())
                .data(text(event)));
        lastSent = event.position();
    }

    private String text(LifecycleNotice event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Lifecycle event " + event.id() + " cannot be written as JSON", e);
        }
    }
}
