package app.colophon.ui.resync;

import app.colophon.library.LibraryUnavailableException;
import app.colophon.library.NotFoundException;
import app.colophon.library.ParseFailedException;
import app.colophon.library.ResyncMode;
import app.colophon.library.ResyncResult;
import app.colophon.model.BookSummary;
import app.colophon.model.BookWithFiles;
import app.colophon.ui.common.FxTasks;
import app.colophon.ui.common.Notifier;
import app.colophon.ui.common.UiServices;
import app.colophon.ui.books.LibraryModel;

import javafx.stage.Window;

import java.util.Optional;

/**
 * "Scan for new metadata" and "Refresh all metadata" for a book or a file, from any tile, row or menu: asks
 * before a refresh, runs the resync in the background while the item shows as busy, then updates every view
 * and tells the user what happened (DESIGN §5 texts).
 */
public final class ResyncActions {

    public static final String SCANNED = ResyncMode.SCAN.doneMessage();
    public static final String REFRESHED = ResyncMode.REFRESH.doneMessage();
    public static final String RESET = ResyncMode.RESET.doneMessage();
    public static final String FILE_REMOVED = ResyncResult.Removed.FILE_REMOVED;
    public static final String BOOK_REMOVED = ResyncResult.Removed.BOOK_REMOVED;

    private final UiServices services;
    private final LibraryModel model;
    private final FxTasks tasks;
    private final Notifier notifier;
    private final RefreshConfirmation confirmation;

    public ResyncActions(UiServices services, LibraryModel model, FxTasks tasks, Notifier notifier,
                         RefreshConfirmation confirmation) {
        this.services = services;
        this.model = model;
        this.tasks = tasks;
        this.notifier = notifier;
        this.confirmation = confirmation;
    }

    // Each action names the window it was chosen in: its question belongs to that window, and so does the message
    // that tells how it went (a detail window's resync answers in the detail window, not in whichever has focus).

    public void scanBook(Window owner, long bookId) {
        resyncBook(owner, bookId, ResyncMode.SCAN);
    }

    public void refreshBook(Window owner, long bookId) {
        if (confirmation.confirm(owner, "book")) {
            resyncBook(owner, bookId, ResyncMode.REFRESH);
        }
    }

    public void resetBook(Window owner, long bookId) {
        if (confirmation.confirmReset(owner, "book")) {
            resyncBook(owner, bookId, ResyncMode.RESET);
        }
    }

    public void scanFile(Window owner, long fileId, long bookId) {
        resyncFile(owner, fileId, bookId, ResyncMode.SCAN);
    }

    public void refreshFile(Window owner, long fileId, long bookId) {
        if (confirmation.confirm(owner, "file")) {
            resyncFile(owner, fileId, bookId, ResyncMode.REFRESH);
        }
    }

    public void resetFile(Window owner, long fileId, long bookId) {
        if (confirmation.confirmReset(owner, "file")) {
            resyncFile(owner, fileId, bookId, ResyncMode.RESET);
        }
    }

    private void resyncBook(Window owner, long bookId, ResyncMode mode) {
        if (!model.busyBooks().add(bookId)) {
            return;
        }
        tasks.run(() -> withSummary(bookId, services.resync().resyncBook(bookId, mode)),
                outcome -> {
                    model.busyBooks().remove(bookId);
                    show(owner, bookId, mode, outcome);
                },
                error -> {
                    model.busyBooks().remove(bookId);
                    failed(owner, error, () -> model.removed(bookId));
                });
    }

    private void resyncFile(Window owner, long fileId, long bookId, ResyncMode mode) {
        if (!model.busyFiles().add(fileId)) {
            return;
        }
        tasks.run(() -> withSummary(bookId, services.resync().resyncFile(fileId, mode)),
                outcome -> {
                    model.busyFiles().remove(fileId);
                    show(owner, bookId, mode, outcome);
                },
                error -> {
                    model.busyFiles().remove(fileId);
                    failed(owner, error, () -> refreshBookAfterStaleFile(bookId));
                });
    }

    /** The result plus the book's new grid summary, both fetched off the FX thread. */
    private record Outcome(ResyncResult result, Optional<BookSummary> summary, Optional<BookWithFiles> book) {
    }

    private Outcome withSummary(long bookId, ResyncResult result) {
        long id = result instanceof ResyncResult.Updated u ? u.book().book().id() : bookId;
        Optional<BookWithFiles> full = result instanceof ResyncResult.Updated u ? Optional.of(u.book())
                : services.libraries().book(id);
        return new Outcome(result, services.libraries().summary(id), full);
    }

    private void show(Window owner, long bookId, ResyncMode mode, Outcome outcome) {
        if (outcome.result() instanceof ResyncResult.Removed removed) {
            if (removed.bookDeleted()) {
                model.removed(bookId);
                notifier.info(owner, BOOK_REMOVED);
            } else {
                outcome.summary().ifPresent(s -> model.updated(s, outcome.book().orElse(null)));
                notifier.info(owner, FILE_REMOVED);
            }
            return;
        }
        ResyncResult.Updated updated = (ResyncResult.Updated) outcome.result();
        outcome.summary().ifPresent(s -> model.updated(s, updated.book()));
        if (!updated.removedFiles().isEmpty()) {
            notifier.info(owner, FILE_REMOVED);
        }
        if (updated.failures().isEmpty()) {
            notifier.info(owner, mode.doneMessage());
        } else {
            notifier.warning(owner, mode.doneMessage() + ", but not from: " + String.join("; ", updated.failures()));
        }
    }

    private void failed(Window owner, Throwable error, Runnable whenNotFound) {
        if (error instanceof NotFoundException) {
            notifier.error(owner, error.getMessage());
            whenNotFound.run();
        } else if (error instanceof ParseFailedException || error instanceof LibraryUnavailableException) {
            notifier.error(owner, error.getMessage());
        } else {
            notifier.unexpected(owner, "Resync failed: " + error.getMessage(), error);
        }
    }

    /** A file id that is no longer known: its book may have changed or gone, so look again. */
    private void refreshBookAfterStaleFile(long bookId) {
        tasks.run(() -> new Outcome(null, services.libraries().summary(bookId), services.libraries().book(bookId)),
                o -> {
                    if (o.summary().isPresent()) {
                        model.updated(o.summary().get(), o.book().orElse(null));
                    } else {
                        model.removed(bookId);
                    }
                },
                e -> notifier.unexpected("Could not reload the book", e));
    }

}
