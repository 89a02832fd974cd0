package app.colophon.library;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Reads files on several threads and hands the readings back in the order of the input, keeping only a small
 * window in flight (bounded memory). A file that exceeds its time budget becomes an error reading.
 */
final class ParallelReader implements AutoCloseable {

    private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

    private final MetadataExtractor extractor;
    private final ScanTuning tuning;
    private final ExecutorService pool;

    ParallelReader(MetadataExtractor extractor, ScanTuning tuning) {
        this.extractor = extractor;
        this.tuning = tuning;
        int pool = POOL_NUMBER.incrementAndGet();
        AtomicInteger thread = new AtomicInteger();
        ThreadFactory daemons = r -> {
            Thread t = new Thread(r, "colophon-reader-" + pool + "-" + thread.incrementAndGet());
            // A reader stuck past its budget must not keep the application from exiting.
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newFixedThreadPool(tuning.threads(), daemons);
    }

    Run start(List<Path> paths, BooleanSupplier cancelled) {
        return new Run(paths.iterator(), cancelled);
    }

    final class Run {
        private final Iterator<Path> pending;
        private final BooleanSupplier cancelled;
        private final Deque<Submitted> inFlight = new ArrayDeque<>();
        private boolean stopped;

        private record Submitted(Path path, Future<FileReading> future) {
        }

        private Run(Iterator<Path> pending, BooleanSupplier cancelled) {
            this.pending = pending;
            this.cancelled = cancelled;
            fill();
        }

        boolean hasNext() {
            if (!stopped && cancelled.getAsBoolean()) {
                stopped = true;
                inFlight.forEach(s -> s.future().cancel(true));
                inFlight.clear();
            }
            return !inFlight.isEmpty();
        }

        FileReading next() {
            Submitted head = inFlight.removeFirst();
            FileReading reading = await(head);
            fill();
            return reading;
        }

        boolean wasCancelled() {
            return stopped;
        }

        private void fill() {
            while (!stopped && inFlight.size() < tuning.threads() * 4 + tuning.batchSize() && pending.hasNext()) {
                Path path = pending.next();
                inFlight.addLast(new Submitted(path, pool.submit(() -> extractor.read(path))));
            }
        }

        private FileReading await(Submitted s) {
            try {
                return s.future().get(tuning.fileBudget().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                s.future().cancel(true);
                replaceStuckThread();
                return timedOut(s.path());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped = true;
                return timedOut(s.path());
            } catch (ExecutionException e) {
                throw new IllegalStateException("Reader failed unexpectedly on " + s.path(), e.getCause());
            }
        }

        /**
         * cancel(true) only interrupts: a read deaf to interruption (a parser looping) keeps its thread for good, and
         * as many of those as threads would leave none for the rest of the scan. One more thread per read given up
         * keeps the scan's parallelism; the stuck ones are daemons.
         */
        private void replaceStuckThread() {
            ThreadPoolExecutor executor = (ThreadPoolExecutor) pool;
            executor.setMaximumPoolSize(executor.getMaximumPoolSize() + 1);
            executor.setCorePoolSize(executor.getCorePoolSize() + 1);
        }

        private FileReading timedOut(Path path) {
            return extractor.timedOut(path, tuning.fileBudget());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
