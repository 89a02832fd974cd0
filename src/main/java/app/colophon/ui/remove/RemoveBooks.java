package app.colophon.ui.remove;

import app.colophon.library.ColophonException;
import app.colophon.model.BookSummary;
import app.colophon.ui.books.LibraryModel;
import app.colophon.ui.common.Confirmation;
import app.colophon.ui.common.FxTasks;
import app.colophon.ui.common.Notifier;
import app.colophon.ui.common.Texts;
import app.colophon.ui.common.UiServices;
import javafx.stage.Window;

import java.util.List;

/**
 * "Remove from library…" and the Delete key: after one question, the books' records go and their files stay on
 * disk; scans leave those files out until they are restored from the library's menu ("Excluded files…").
 */
public final class RemoveBooks {

    public static final String TITLE = "Remove from Library";
    public static final String REMOVE = "Remove";

    private final UiServices services;
    private final LibraryModel model;
    private final FxTasks tasks;
    private final Notifier notifier;

    public RemoveBooks(UiServices services, LibraryModel model, FxTasks tasks, Notifier notifier) {
        this.services = services;
        this.model = model;
        this.tasks = tasks;
        this.notifier = notifier;
    }

    /** The question, naming one book by its title and several by their count. */
    public static String text(String what) {
        return "Remove " + what + " from the library?\n\nColophon forgets " + (what.startsWith("“") ? "it" : "them")
                + " and your edits. The files stay on disk; scans leave them out until you restore them "
                + "(the library's menu, \"Excluded files…\").";
    }

    public void remove(Window owner, List<Long> bookIds) {
        if (bookIds.isEmpty()) {
            return;
        }
        String what = bookIds.size() == 1 ? model.find(bookIds.get(0)).map(BookSummary::title)
                .filter(t -> t != null && !t.isBlank()).map(t -> "“" + Texts.visible(t) + "”").orElse("this book")
                : bookIds.size() + " books";
        if (!Confirmation.ask(owner, TITLE, text(what), REMOVE)) {
            return;
        }
        List<Long> ids = List.copyOf(bookIds);
        tasks.run(() -> services.libraries().removeBooks(ids), removal -> {
            ids.forEach(model::removed);
            int n = removal.books();
            notifier.info(owner, "Removed " + (n == 1 ? "1 book" : n + " books")
                    + " from the library; the files are untouched.");
        }, e -> {
            if (e instanceof ColophonException) {
                notifier.error(owner, e.getMessage());
            } else {
                notifier.unexpected(owner, "Could not remove the books", e);
            }
        });
    }
}
