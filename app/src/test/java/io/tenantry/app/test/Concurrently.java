package io.tenantry.app.test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs calls at the same instant, for race tests: each on a thread of its own, held at a barrier until every one of
 * them is ready, then released together. Answers their results in the order the calls were given.
 */
public final class Concurrently implements AutoCloseable {

    private final int threads;
    private final ExecutorService pool;

    /** A pool for up to {@code threads} calls at once; reused by every {@link #run}. */
    public Concurrently(int threads) {
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads);
    }

    public <T> List<T> run(List<? extends Callable<T>> calls) throws Exception {
        if (calls.size() > threads) {
            throw new IllegalArgumentException(
                    calls.size() + " calls at once need as many threads; this has " + threads);
        }
        CyclicBarrier start = new CyclicBarrier(calls.size());
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> call : calls) {
            futures.add(pool.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                return call.call();
            }));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get(60, TimeUnit.SECONDS));
        }
        return results;
    }

    /** {@code copies} of one call at once. */
    public <T> List<T> run(int copies, Callable<T> call) throws Exception {
        return run(Collections.nCopies(copies, call));
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
