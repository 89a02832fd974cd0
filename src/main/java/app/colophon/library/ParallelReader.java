package app.colophon.library;

import app.colophon.model.Contributor;
import app.colophon.model.Identifier;
import app.colophon.model.SeriesEntry;

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
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Reads files on several threads and hands the readings back in the order of the input. Up to a batch of files is
 * read ahead, so the readers go on while the writer commits; what the readings ahead may hold is bounded by the
 * characters of their values ({@link #READ_AHEAD_CHARS}): a reading over that bound is dropped and read again when
 * its turn comes, so a run of files with 256K-character descriptions cannot fill the heap. A file that exceeds its
 * time budget becomes an error reading.
 */
final class ParallelReader implements AutoCloseable {

    /** Characters of values the readings ahead of the writer may hold: ~16 MB, thousands of ordinary readings. */
    static final long READ_AHEAD_CHARS = 8_000_000;

    private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

    private final MetadataExtractor extractor;
    private final ScanTuning tuning;
    private final long aheadChars;
    private final ExecutorService pool;

    ParallelReader(MetadataExtractor extractor, ScanTuning tuning) {
        this(extractor, tuning, READ_AHEAD_CHARS);
    }

    ParallelReader(MetadataExtractor extractor, ScanTuning tuning, long aheadChars) {
        this.extractor = extractor;
        this.tuning = tuning;
        this.aheadChars = aheadChars;
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
        /** Characters held by readings done and not yet handed over. */
        private final AtomicLong held = new AtomicLong();
        private boolean stopped;

        private record Submitted(Path path, Future<Ahead> future) {
        }

        /** A reading done ahead and its weight; no reading when it was dropped for the bound. */
        private record Ahead(FileReading reading, long chars) {
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

        /** Characters held by readings done ahead and not yet handed over (for tests). */
        long held() {
            return held.get();
        }

        private void fill() {
            // a window near its bound reads no further ahead than before the read-ahead, so little is read twice
            int window = held.get() > aheadChars / 2 ? tuning.threads() * 4 : tuning.threads() * 4 + tuning.batchSize();
            while (!stopped && inFlight.size() < window && pending.hasNext()) {
                Path path = pending.next();
                inFlight.addLast(new Submitted(path, pool.submit(() -> readAhead(path))));
            }
        }

        private Ahead readAhead(Path path) {
            FileReading reading = extractor.read(path);
            long chars = chars(reading);
            if (held.addAndGet(chars) > aheadChars) {
                held.addAndGet(-chars);
                return new Ahead(null, 0);
            }
            return new Ahead(reading, chars);
        }

        private FileReading await(Submitted s) {
            try {
                Ahead ahead = s.future().get(tuning.fileBudget().toMillis(), TimeUnit.MILLISECONDS);
                if (ahead.reading() == null) {
                    return readAgain(s.path());
                }
                held.addAndGet(-ahead.chars());
                return ahead.reading();
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

        /** A reading dropped for the bound, read now on a thread of its own within the same time budget. */
        private FileReading readAgain(Path path) {
            try {
                return new BudgetedReader(extractor, tuning.fileBudget()).read(path);
            } catch (ColophonException e) {
                if (!Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                stopped = true;
                return timedOut(path);
            }
        }

        private FileReading timedOut(Path path) {
            return extractor.timedOut(path, tuning.fileBudget());
        }
    }

    /** What a reading holds, in characters of its path, values and notes: the measure of the read-ahead's bound. */
    static long chars(FileReading reading) {
        long chars = reading.path().toString().length() + length(reading.error());
        for (var field : reading.bookValues().fields()) {
            chars += chars(reading.bookValues().value(field));
        }
        for (var field : reading.fileValues().fields()) {
            chars += chars(reading.fileValues().value(field));
        }
        for (String note : reading.cut()) {
            chars += note.length();
        }
        return chars;
    }

    private static long chars(Object value) {
        if (value instanceof String text) {
            return text.length();
        }
        if (value instanceof java.util.Collection<?> list) {
            long chars = 0;
            for (Object element : list) {
                chars += element(element);
            }
            return chars;
        }
        return value == null ? 0 : 16;
    }

    /** A list element's characters from its parts: its {@code toString()} cost more than the rest of the measure. */
    private static long element(Object element) {
        if (element instanceof String text) {
            return text.length();
        }
        if (element instanceof Contributor c) {
            return length(c.name()) + length(c.role()) + length(c.fileAs());
        }
        if (element instanceof SeriesEntry e) {
            return length(e.name()) + 16;
        }
        if (element instanceof Identifier id) {
            return length(id.value()) + 16;
        }
        return 16;
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
