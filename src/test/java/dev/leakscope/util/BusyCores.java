package dev.leakscope.util;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Tasks that keep every core busy ({@link Cores#occupying}) until closed: no core is spare meanwhile. */
public final class BusyCores implements AutoCloseable {
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService pool = Executors.newFixedThreadPool(Cores.AVAILABLE);

    public BusyCores() throws InterruptedException {
        CountDownLatch running = new CountDownLatch(Cores.AVAILABLE);
        for (int i = 0; i < Cores.AVAILABLE; i++) {
            pool.submit(Cores.occupying(() -> {
                running.countDown();
                release.await();
                return null;
            }));
        }
        running.await();
    }

    /** Ends the tasks, and returns once they no longer count. */
    @Override
    public void close() throws InterruptedException {
        release.countDown();
        pool.shutdown();
        if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the busy tasks did not end");
        }
    }
}
