package app.colophon.ui.main;

import app.colophon.library.ResyncMode;
import app.colophon.model.BookSummary;
import app.colophon.ui.books.BookMenus;
import app.colophon.ui.books.BookOpener;
import app.colophon.ui.common.FileLauncher;
import app.colophon.ui.common.FxTasks;
import app.colophon.ui.common.Notifier;
import app.colophon.ui.common.UiServices;
import app.colophon.ui.bulkedit.BulkEdit;
import app.colophon.ui.remove.RemoveBooks;
import app.colophon.ui.resync.BulkResync;
import app.colophon.ui.resync.ResyncActions;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;
import javafx.stage.Window;

import java.util.List;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * What a book's menus and the window's keys do. An action on a book that is part of a selection of several acts on
 * the whole selection (as in a file manager); on any other book, on that book alone. Open acts on one book; Edit on
 * several opens the bulk editor.
 */
final class BookActions {

    private final UiServices services;
    private final FxTasks tasks;
    private final Notifier notifier;
    private final ResyncActions resync;
    private final BulkResync bulk;
    private final BookOpener opener;
    private final FileLauncher launcher;
    private final Supplier<Window> window;
    private final Selection selection;
    private final Supplier<List<BookSummary>> shown;
    private final RemoveBooks removal;
    private final BulkEdit bulkEdit;

    BookActions(UiServices services, FxTasks tasks, Notifier notifier, MainWindowController.Actions actions,
                FileLauncher launcher, Supplier<Window> window, Selection selection, Supplier<List<BookSummary>> shown) {
        this.services = services;
        this.tasks = tasks;
        this.notifier = notifier;
        this.resync = actions.resync();
        this.bulk = actions.bulk();
        this.opener = actions.opener();
        this.launcher = launcher;
        this.window = window;
        this.selection = selection;
        this.shown = shown;
        this.removal = actions.remove();
        this.bulkEdit = actions.bulkEdit();
    }

    BookMenus.Actions forBook(long bookId) {
        return BookMenus.Actions.resyncs(() -> resync(bookId, ResyncMode.SCAN), () -> resync(bookId, ResyncMode.REFRESH),
                        () -> resync(bookId, ResyncMode.RESET))
                .withOpen(() -> open(bookId))
                .withEdit(() -> edit(bookId))
                .withShowInFolder(() -> showFolderOf(bookId))
                .withRemove(() -> remove(bookId));
    }

    /** The books an action on {@code bookId} acts on, in the order shown. */
    List<Long> targets(long bookId) {
        if (selection.contains(bookId) && selection.ids().size() > 1) {
            return selection.inOrder(shown.get());
        }
        return List.of(bookId);
    }

    void resync(long bookId, ResyncMode mode) {
        List<Long> books = targets(bookId);
        Window owner = window.get();
        if (books.size() > 1) {
            bulk.start(owner, books, mode);
            return;
        }
        switch (mode) {
            case SCAN -> resync.scanBook(owner, bookId);
            case REFRESH -> resync.refreshBook(owner, bookId);
            case RESET -> resync.resetBook(owner, bookId);
        }
    }

    /** The book's first file, in the file order, that is on disk, with the system's default application. */
    void open(long bookId) {
        Window owner = window.get();
        tasks.run(() -> services.libraries().book(bookId), book -> book.ifPresentOrElse(
                        b -> launcher.openBook(owner, b.files()),
                        () -> notifier.error(owner, "This book is no longer in the library.")),
                e -> notifier.unexpected(owner, "Could not open the book", e));
    }

    void remove(long bookId) {
        removal.remove(window.get(), targets(bookId));
    }

    /** One book in its window; several at once in the bulk editor (tags, genres, series). */
    void edit(long bookId) {
        List<Long> books = targets(bookId);
        if (books.size() > 1) {
            bulkEdit.edit(window.get(), books);
        } else {
            opener.open(bookId, true);
        }
    }

    private void showFolderOf(long bookId) {
        tasks.run(() -> services.libraries().book(bookId),
                book -> book.ifPresent(b -> launcher.showFolderOfBook(b.files())),
                e -> notifier.unexpected("Could not open the folder", e));
    }

    /**
     * The keys the menus show, for the book last clicked (and the selection it is part of): Ctrl+O opens, F5 scans,
     * Ctrl+E edits, Delete removes (not while typing). True if the key was one of them.
     */
    boolean onKey(KeyEvent e, long lead) {
        if (lead < 0) {
            return false;
        }
        LongConsumer action = null;
        if (BookMenus.pressed(BookMenus.Shortcuts.OPEN, e)) {
            action = this::open;
        } else if (BookMenus.pressed(BookMenus.Shortcuts.SCAN, e)) {
            action = id -> resync(id, ResyncMode.SCAN);
        } else if (BookMenus.pressed(BookMenus.Shortcuts.EDIT, e)) {
            action = this::edit;
        } else if (BookMenus.pressed(BookMenus.Shortcuts.REMOVE, e) && !(e.getTarget() instanceof TextInputControl)) {
            action = this::remove;
        }
        if (action == null) {
            return false;
        }
        action.accept(lead);
        return true;
    }
}
