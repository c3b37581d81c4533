package io.tenantry.query.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantry.contracts.lifecycle.LifecycleEventPage;
import io.tenantry.contracts.lifecycle.LifecycleEventsQuery;
import io.tenantry.contracts.lifecycle.LifecycleNotice;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live lifecycle events of this node, for {@code GET /api/dashboard/stream}. One tailing thread reads the
 * catch-up feed ({@code LifecycleEventsQuery}) on from where it stands and hands each event to every open stream:
 * live events therefore come in the feed's order with the feed's positions, never past a transaction still
 * committing, exactly as a client's replay reads them, which is what lets a stream join replay and live by position
 * alone. The tailer reads as soon as the {@code dashboard-stream} processor has projected a lifecycle event
 * ({@link #nudge}), and every {@code poll-interval} anyway (to read past a position that never fills).
 */
@Component
public class LifecycleStream implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LifecycleStream.class);
    static final int PAGE = 200;
    /** Tells an EventSource-style client how soon to reconnect after a drop. */
    private static final long RECONNECT_MS = 3_000;

    private final QueryGateway queries;
    private final EventStorageEngine storage;
    private final ObjectMapper json;
    private final DashboardProperties properties;
    private final Set<StreamClient> clients = ConcurrentHashMap.newKeySet();
    private final Object wake = new Object();
    private boolean nudged; // guarded by wake
    private long position; // guarded by this: the feed position the live events have been handed out to
    private volatile boolean running;
    private Thread tailer;
    private ThreadPoolExecutor senders;
    private ScheduledExecutorService heartbeats;

    LifecycleStream(
            QueryGateway queries, EventStorageEngine storage, ObjectMapper json, DashboardProperties properties) {
        this.queries = queries;
        this.storage = storage;
        this.json = json;
        this.properties = properties;
    }

    /**
     * Opens a stream: the events after {@code lastEventId} first (none when {@code null}), then the live ones.
     *
     * @throws ResponseStatusException 503 when this node already serves {@code max-stream-clients} streams
     */
    SseEmitter connect(Long lastEventId) {
        SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
        StreamClient client;
        synchronized (this) {
            if (!running || clients.size() >= properties.maxStreamClients()) {
                throw new ResponseStatusException(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "This node serves as many lifecycle streams as it may; try again shortly.");
            }
            client = new StreamClient(
                    emitter,
                    json,
                    senders,
                    properties.clientBuffer(),
                    lastEventId,
                    position,
                    this::page,
                    clients::remove);
            clients.add(client);
        }
        try {
            // sent when the handler returns: the client gets the response headers at once, not at the first event
            emitter.send(SseEmitter.event().reconnectTime(RECONNECT_MS).comment("connected"));
        } catch (IOException cannotHappenBeforeTheResponse) {
            client.close();
            throw new IllegalStateException(cannotHappenBeforeTheResponse);
        }
        client.start();
        return emitter;
    }

    /** A lifecycle event was projected: read the feed now rather than at the next poll. */
    void nudge() {
        synchronized (wake) {
            nudged = true;
            wake.notifyAll();
        }
    }

    /** Open streams on this node. */
    public int clients() {
        return clients.size();
    }

    private LifecycleEventPage page(long after) {
        return queries.query(new LifecycleEventsQuery(after, PAGE), LifecycleEventPage.class)
                .join();
    }

    private void tail() {
        while (running) {
            try {
                long from;
                synchronized (this) {
                    from = position;
                }
                LifecycleEventPage page = page(from);
                synchronized (this) {
                    for (LifecycleNotice event : page.events()) {
                        clients.forEach(client -> client.offer(event));
                    }
                    position = Math.max(position, page.next());
                }
                if (page.next() == from) {
                    awaitNudge();
                }
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException failure) {
                if (!running) {
                    return;
                }
                log.warn(
                        "Reading lifecycle events for the dashboard streams failed, trying again: {}",
                        failure.toString());
                try {
                    awaitNudge();
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void awaitNudge() throws InterruptedException {
        synchronized (wake) {
            if (!nudged) {
                wake.wait(properties.pollInterval().toMillis());
            }
            nudged = false;
        }
    }

    @Override
    public synchronized void start() {
        TrackingToken head = storage.createHeadToken();
        position = head == null ? 0 : head.position().orElse(0);
        CustomizableThreadFactory senderThreads = new CustomizableThreadFactory("lifecycle-stream-");
        senderThreads.setDaemon(true);
        // each stream has at most one send running; closing ones may still finish theirs
        senders = new ThreadPoolExecutor(
                0, properties.maxStreamClients() * 2, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), senderThreads);
        CustomizableThreadFactory heartbeatThread = new CustomizableThreadFactory("lifecycle-stream-heartbeat-");
        heartbeatThread.setDaemon(true);
        heartbeats = Executors.newSingleThreadScheduledExecutor(heartbeatThread);
        long every = properties.heartbeat().toMillis();
        heartbeats.scheduleAtFixedRate(
                () -> clients.forEach(StreamClient::heartbeat), every, every, TimeUnit.MILLISECONDS);
        running = true;
        tailer = new Thread(this::tail, "lifecycle-stream-tailer");
        tailer.setDaemon(true);
        tailer.start();
    }

    /** Ends every stream (clients reconnect elsewhere, or here after a restart), so shutdown never waits for them. */
    @Override
    public void stop() {
        List<StreamClient> open;
        synchronized (this) {
            running = false;
            open = List.copyOf(clients);
        }
        tailer.interrupt();
        open.forEach(StreamClient::close);
        heartbeats.shutdownNow();
        senders.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
