package io.tenantry.app.axon;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event store as the pooled event processors read it, with the one thing Axon's embedded store does not offer
 * them: a call when new events are there. Without it a pooled processor with nothing to do looks again only every
 * 500 ms, and an event that crosses two processors (a saga's command, then a read model) showed after about a second.
 *
 * <p>One daemon thread follows the head of the store as a tailing reader of the embedded store's shared cache (it
 * wakes when this process appends, and polls the database once a second for other processes' events, as every
 * tracking reader of the store does) and, on new events, calls every open stream's callback, at most every 50 ms.
 * The processors' own streams read the same cache, so what woke them is there to read.
 */
final class AwakeEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(AwakeEventSource.class);
    private static final long WAKE_EVERY_MS = 50;

    private final EventStore store;
    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private volatile Thread watcher;
    private volatile boolean stopped;

    AwakeEventSource(EventStore store) {
        this.store = store;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
        return new Awake(store.openStream(token));
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    void stop() {
        stopped = true;
        Thread running = watcher;
        if (running != null) {
            running.interrupt();
        }
    }

    private synchronized void watchOnce() {
        if (watcher == null && !stopped) {
            watcher = new Thread(this::watch, "event-store-watcher");
            watcher.setDaemon(true);
            watcher.start();
        }
    }

    private void watch() {
        while (!stopped) {
            try (BlockingStream<TrackedEventMessage<?>> head = store.openStream(store.createHeadToken())) {
                while (!stopped) {
                    if (head.hasNextAvailable(1, TimeUnit.SECONDS)) {
                        while (head.hasNextAvailable()) {
                            head.nextAvailable();
                        }
                        callbacks.forEach(Runnable::run);
                        // events that arrive meanwhile wake the processors together, at most every WAKE_EVERY_MS:
                        // a wake per event made every processor run a coordination round per event (bench: a third
                        // more CPU per command)
                        Thread.sleep(WAKE_EVERY_MS);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the database is away, say: the processors notice too and retry; look again in a second
                log.debug("Following the event store's head failed, again in 1 s: {}", e.toString());
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** A processor's stream: the store's own, which also takes the processor's "new events" callback. */
    private final class Awake implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> stream;
        private volatile Runnable callback;

        Awake(BlockingStream<TrackedEventMessage<?>> stream) {
            this.stream = stream;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return stream.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return stream.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return stream.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            Runnable previous = this.callback;
            if (previous != null) {
                callbacks.remove(previous);
            }
            this.callback = callback;
            callbacks.add(callback);
            watchOnce();
            return true;
        }

        @Override
        public void close() {
            Runnable registered = callback;
            if (registered != null) {
                callbacks.remove(registered);
            }
            stream.close();
        }
    }
}
