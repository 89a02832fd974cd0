package app.colophon.library;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One file read within the scan's time budget, for a resync: the read runs on a thread of its own and is given up
 * when the budget is spent, with the scan's error ("reading took longer than 60 s"). A damaged 2 GB PDF took 247 s
 * to fail in a resync while the scan gave up after 60 s — and over HTTP it held a handler thread all that time.
 */
final class BudgetedReader {

    private static final AtomicInteger THREAD = new AtomicInteger();
    /** Shared by every resync; a read given up keeps its (daemon) thread until it ends, the others are reused. */
    private static final ExecutorService THREADS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "colophon-resync-read-" + THREAD.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private final MetadataExtractor extractor;
    private final Duration budget;

    BudgetedReader(MetadataExtractor extractor, Duration budget) {
        this.extractor = extractor;
        this.budget = budget;
    }

    FileReading read(Path path) {
        Future<FileReading> reading = THREADS.submit(() -> extractor.read(path));
        try {
            return reading.get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            reading.cancel(true);
            return extractor.timedOut(path, budget);
        } catch (InterruptedException e) {
            reading.cancel(true);
            Thread.currentThread().interrupt();
            throw new ColophonException("Resync of " + path + " was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("Reader failed unexpectedly on " + path, e.getCause());
        }
    }
}
