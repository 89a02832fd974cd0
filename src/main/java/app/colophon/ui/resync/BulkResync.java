package app.colophon.ui.resync;

import app.colophon.library.ColophonException;
import app.colophon.library.NotFoundException;
import app.colophon.library.ResyncMode;
import app.colophon.library.ResyncResult;
import app.colophon.model.BookSummary;
import app.colophon.model.BookWithFiles;
import app.colophon.ui.books.LibraryModel;
import app.colophon.ui.common.BackgroundJob;
import app.colophon.ui.common.Notifier;
import app.colophon.ui.common.UiServices;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * "Scan for new metadata", "Refresh all metadata" and "Reset to file metadata" for many books at once: one question
 * naming the count (refresh, reset), one background job with progress and Cancel in the status bar, each book
 * updated in the views as it is done, and one summary at the end ("Metadata scanned: 120 books, 2 failed"). A
 * book that fails is counted and named in the summary; the others go on. Cancel keeps the books already done.
 */
public final class BulkResync {

    private static final Logger LOG = LoggerFactory.getLogger(BulkResync.class);
    /** Failures named in the summary; the rest are counted (and logged). */
    static final int NAMED_FAILURES = 3;
    private static final long DRAIN_BUDGET_NANOS = 30_000_000;
    /** Books resynced at once; more than the two cores of a small machine only queue for the database. */
    static final int WORKERS = 2;

    private final UiServices services;
    private final LibraryModel model;
    private final Notifier notifier;
    private final RefreshConfirmation confirmation;
    private final BackgroundJob job = new BackgroundJob("colophon-bulk-resync");
    /** Books done on the job's thread, waiting for the FX thread to show them (once per pulse). */
    private final Queue<Done> done = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();

    public BulkResync(UiServices services, LibraryModel model, Notifier notifier, RefreshConfirmation confirmation) {
        this.services = services;
        this.model = model;
        this.notifier = notifier;
        this.confirmation = confirmation;
    }

    public BackgroundJob job() {
        return job;
    }

    /**
     * Resyncs {@code bookIds} in {@code mode}, after asking over {@code owner} for a refresh or a reset. While a
     * bulk resync runs, another is refused with a message; books that are resyncing on their own are skipped.
     */
    public void start(Window owner, List<Long> bookIds, ResyncMode mode) {
        if (bookIds.isEmpty()) {
            return;
        }
        if (job.isRunning()) {
            notifier.info(owner, "Another resync of several books is running; cancel it or wait for it to finish.");
            return;
        }
        String what = books(bookIds.size());
        if (mode == ResyncMode.REFRESH && !confirmation.confirm(owner, what)
                || mode == ResyncMode.RESET && !confirmation.confirmReset(owner, what)) {
            return;
        }
        List<Long> ids = bookIds.stream().filter(model.busyBooks()::add).toList();
        Task<Tally> task = new Task<>() {
            @Override
            protected Tally call() {
                return resyncAll(ids, mode);
            }
        };
        task.setOnSucceeded(e -> finish(owner, mode, task.getValue()));
        task.setOnFailed(e -> {
            // Only a bug gets here: every book's own failure is counted in resyncAll.
            drainAll();
            ids.forEach(model.busyBooks()::remove);
            job.finished("");
            notifier.unexpected(owner, "The resync stopped: " + task.getException().getMessage(), task.getException());
        });
        job.start(progressText(mode, 0, ids.size()), task);
    }

    public void cancel() {
        job.cancel();
    }

    /** The outcome of one book, for the views. */
    private record Done(long bookId, Optional<BookSummary> summary, BookWithFiles book, boolean gone) {
        static Done left(long bookId) {
            return new Done(bookId, Optional.empty(), null, false);
        }
    }

    /** What the summary says. */
    record Tally(int done, int total, List<String> failures, boolean cancelled) {
    }

    /**
     * Resyncs the books on {@link #WORKERS} threads (this one and helpers): a resync reads its files while another
     * writes, which a thousand books in a row left one core idle for. Cancel stops taking books; those under way end.
     */
    private Tally resyncAll(List<Long> ids, ResyncMode mode) {
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger count = new AtomicInteger();
        Runnable work = () -> {
            int i;
            while (!job.cancelRequested() && (i = next.getAndIncrement()) < ids.size()) {
                done.add(resyncOne(ids.get(i), mode, failures));
                int finished = count.incrementAndGet();
                job.report(finished, ids.size(), progressText(mode, finished, ids.size()));
                scheduleDrain();
            }
        };
        List<Thread> helpers = new ArrayList<>();
        for (int w = 1; w < Math.min(WORKERS, ids.size()); w++) {
            Thread t = new Thread(work, "colophon-bulk-resync-" + w);
            t.setDaemon(true);
            t.start();
            helpers.add(t);
        }
        work.run();
        for (Thread t : helpers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        boolean cancelled = count.get() < ids.size();
        if (cancelled) {
            ids.subList(Math.min(next.get(), ids.size()), ids.size()).forEach(rest -> done.add(Done.left(rest)));
            scheduleDrain();
        }
        return new Tally(count.get(), ids.size(), List.copyOf(failures), cancelled);
    }

    private Done resyncOne(long id, ResyncMode mode, List<String> failures) {
        try {
            ResyncResult result = services.resync().resyncBook(id, mode);
            if (result instanceof ResyncResult.Updated updated) {
                if (!updated.failures().isEmpty()) {
                    failures.add(String.join("; ", updated.failures()));
                }
                return found(id, updated.book());
            }
            return found(id, null);
        } catch (NotFoundException e) {
            failures.add(e.getMessage());
            return found(id, null);
        } catch (ColophonException e) {
            failures.add(e.getMessage());
            return found(id, null);
        } catch (RuntimeException e) {
            // Not shown one by one (there may be hundreds): counted in the summary, the trace logged here once.
            LOG.error("Resync of book {} failed", id, e);
            failures.add("book " + id + ": " + e.getMessage());
            return Done.left(id);
        }
    }

    /** The book as stored now, read here off the FX thread; gone if it no longer exists. */
    private Done found(long id, BookWithFiles updated) {
        Optional<BookSummary> summary = services.libraries().summary(id);
        BookWithFiles book = updated != null ? updated : summary.isPresent() ? services.libraries().book(id).orElse(null) : null;
        return new Done(id, summary, book, summary.isEmpty());
    }

    private void scheduleDrain() {
        if (drainScheduled.compareAndSet(false, true)) {
            Platform.runLater(() -> {
                drainScheduled.set(false);
                drain();
            });
        }
    }

    /**
     * Shows the books done since the last pulse: updated in place, or gone from the views if they are gone. At most
     * {@link #DRAIN_BUDGET_NANOS} of work per pulse, the rest in the next: the resyncs outrun the views' updates of a
     * 100,000-book list, and one long drain would freeze the window.
     */
    private void drain() {
        long until = System.nanoTime() + DRAIN_BUDGET_NANOS;
        Done d;
        while (System.nanoTime() < until && (d = done.poll()) != null) {
            model.busyBooks().remove(d.bookId());
            if (d.gone()) {
                model.removed(d.bookId());
            } else if (d.summary().isPresent()) {
                model.updated(d.summary().get(), d.book());
            }
        }
        if (!done.isEmpty()) {
            scheduleDrain();
        }
    }

    /** Drains what is left after a failure, whatever it costs: no book may stay marked busy. */
    private void drainAll() {
        while (!done.isEmpty()) {
            long before = done.size();
            drain();
            if (done.size() >= before) {
                break;
            }
        }
    }

    private void finish(Window owner, ResyncMode mode, Tally tally) {
        drain();
        if (!done.isEmpty()) {
            // the views are still catching up: the summary comes once every book is shown, a pulse at a time
            Platform.runLater(() -> finish(owner, mode, tally));
            return;
        }
        String summary = summary(mode, tally);
        job.finished(summary);
        if (tally.failures().isEmpty()) {
            notifier.info(owner, summary);
        } else {
            notifier.warning(owner, summary);
        }
    }

    /** "Metadata scanned: 120 books, 2 failed (…)"; "… cancelled after 40 of 120 books". */
    static String summary(ResyncMode mode, Tally tally) {
        StringBuilder text = new StringBuilder(mode.doneMessage()).append(": ");
        if (tally.cancelled()) {
            text.append(String.format(Locale.ROOT, "cancelled after %d of %s", tally.done(), books(tally.total())));
        } else {
            text.append(books(tally.done()));
        }
        List<String> failures = tally.failures();
        if (!failures.isEmpty()) {
            text.append(", ").append(failures.size()).append(" failed (")
                    .append(String.join("; ", failures.subList(0, Math.min(NAMED_FAILURES, failures.size()))));
            if (failures.size() > NAMED_FAILURES) {
                text.append("; ").append(failures.size() - NAMED_FAILURES).append(" more in the log");
                failures.subList(NAMED_FAILURES, failures.size()).forEach(f -> LOG.warn("Resync failed: {}", f));
            }
            text.append(')');
        }
        return text.toString();
    }

    private static String progressText(ResyncMode mode, int done, int total) {
        String verb = switch (mode) {
            case SCAN -> "Scanning";
            case REFRESH -> "Refreshing";
            case RESET -> "Resetting";
        };
        return String.format(Locale.ROOT, "%s metadata: %d / %d books", verb, done, total);
    }

    static String books(int n) {
        return n == 1 ? "1 book" : n + " books";
    }
}
