package app.colophon.ui.books;

import app.colophon.model.BookSummary;
import app.colophon.model.BookWithFiles;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The books of the library on screen and which of them (and of their files) are busy, shared by the grid,
 * the list and the detail windows so that one change shows everywhere. FX thread only.
 */
public final class LibraryModel {

    private final ObservableList<BookSummary> books = FXCollections.observableArrayList();
    private final ObservableList<BookSummary> booksView = FXCollections.unmodifiableObservableList(books);
    private final ObservableSet<Long> busyBooks = FXCollections.observableSet();
    private final ObservableSet<Long> busyFiles = FXCollections.observableSet();
    private final List<Consumer<BookEvent>> listeners = new CopyOnWriteArrayList<>();

    public ObservableList<BookSummary> books() {
        return booksView;
    }

    /** Books with a resync running; their tiles and rows show a spinner and disable their actions. */
    public ObservableSet<Long> busyBooks() {
        return busyBooks;
    }

    public ObservableSet<Long> busyFiles() {
        return busyFiles;
    }

    public void setAll(List<BookSummary> summaries) {
        books.setAll(summaries);
    }

    public Optional<BookSummary> find(long bookId) {
        return books.stream().filter(b -> b.id() == bookId).findFirst();
    }

    /** Replaces a book in place (its tile and row update where they are) and tells the open detail views. */
    public void updated(BookSummary summary, BookWithFiles full) {
        for (int i = 0; i < books.size(); i++) {
            if (books.get(i).id() == summary.id()) {
                books.set(i, summary);
                break;
            }
        }
        if (full != null) {
            fire(new BookEvent.Updated(full));
        }
    }

    public void removed(long bookId) {
        books.removeIf(b -> b.id() == bookId);
        fire(new BookEvent.Removed(bookId));
    }

    public void onBookEvent(Consumer<BookEvent> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<BookEvent> listener) {
        listeners.remove(listener);
    }

    private void fire(BookEvent event) {
        listeners.forEach(l -> l.accept(event));
    }
}
