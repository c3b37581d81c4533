package io.tenantry.app.embedded;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The embedded servers running in this JVM, keyed by what they serve (a data directory). Several Spring contexts in
 * one JVM (tests, role profiles) share one server; the last context to close stops it. A JVM shutdown hook stops
 * whatever is left once the contexts had their chance to close first.
 */
final class SharedServers {

    private static final Map<String, Entry> RUNNING = new LinkedHashMap<>();
    private static final java.util.List<Runnable> AFTER_STOP = new java.util.ArrayList<>();
    private static final Duration CONTEXT_CLOSE_GRACE = Duration.ofSeconds(30);
    private static boolean hookInstalled;

    private SharedServers() {}

    /** A running server together with this user's share of it. */
    static final class Lease<T extends AutoCloseable> {
        private final String key;
        private final T server;
        private boolean released;

        private Lease(String key, T server) {
            this.key = key;
            this.server = server;
        }

        T server() {
            return server;
        }

        void release() {
            synchronized (SharedServers.class) {
                if (released) {
                    return;
                }
                released = true;
                Entry entry = RUNNING.get(key);
                if (entry != null && entry.server == server && --entry.users == 0) {
                    RUNNING.remove(key);
                    closeQuietly(entry.server);
                    SharedServers.class.notifyAll();
                }
            }
        }
    }

    private static final class Entry {
        final AutoCloseable server;
        int users;

        Entry(AutoCloseable server) {
            this.server = server;
        }
    }

    @SuppressWarnings("unchecked")
    static synchronized <T extends AutoCloseable> Lease<T> acquire(String key, Supplier<T> starter) {
        Entry entry = RUNNING.get(key);
        if (entry == null) {
            entry = new Entry(starter.get());
            RUNNING.put(key, entry);
            installShutdownHook();
        }
        entry.users++;
        return new Lease<>(key, (T) entry.server);
    }

    /** The server running under this key, if it is one of this type. */
    static synchronized <T> java.util.Optional<T> running(String key, Class<T> type) {
        Entry entry = RUNNING.get(key);
        return entry != null && type.isInstance(entry.server)
                ? java.util.Optional.of(type.cast(entry.server))
                : java.util.Optional.empty();
    }

    /** Runs a clean-up (deleting a throw-away directory) at JVM exit, after every server has stopped. */
    static synchronized void atJvmExit(Runnable cleanUp) {
        AFTER_STOP.add(cleanUp);
        installShutdownHook();
    }

    private static void installShutdownHook() {
        if (hookInstalled) {
            return;
        }
        hookInstalled = true;
        Runtime.getRuntime().addShutdownHook(new Thread(SharedServers::stopAllAfterGrace, "tenantry-embedded-stop"));
    }

    private static void stopAllAfterGrace() {
        synchronized (SharedServers.class) {
            long deadline = System.nanoTime() + CONTEXT_CLOSE_GRACE.toNanos();
            // Spring closes its contexts in its own shutdown hook, which releases the leases; wait for that
            while (!RUNNING.isEmpty() && System.nanoTime() < deadline) {
                try {
                    SharedServers.class.wait(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            // servers started last depend on nothing started after them: stop in reverse order
            var entries = new java.util.ArrayList<>(RUNNING.values());
            java.util.Collections.reverse(entries);
            entries.forEach(entry -> closeQuietly(entry.server));
            RUNNING.clear();
            AFTER_STOP.forEach(Runnable::run);
        }
    }

    private static void closeQuietly(AutoCloseable server) {
        try {
            server.close();
        } catch (Exception e) {
            System.err.println("Tenantry: could not stop " + server + ": " + e);
        }
    }
}
