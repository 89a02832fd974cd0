package app.colophon.ui.books;

import app.colophon.model.BookSummary;
import app.colophon.model.BookWithFiles;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    /** Where each book is in {@link #books}; null until asked after a change of the list's shape. */
    private Map<Long, Integer> positions;

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
        positions = null;
        books.setAll(summaries);
    }

    public Optional<BookSummary> find(long bookId) {
        int i = indexOf(bookId);
        return i < 0 ? Optional.empty() : Optional.of(books.get(i));
    }

    /**
     * A book's place in the list, from a map made once per change of the list's shape: a resync of a thousand books
     * of 100,000 looked each one up by walking the list.
     */
    private int indexOf(long bookId) {
        if (positions == null) {
            positions = new HashMap<>(books.size() * 2);
            for (int i = 0; i < books.size(); i++) {
                positions.put(books.get(i).id(), i);
            }
        }
        Integer i = positions.get(bookId);
        return i == null ? -1 : i;
    }

    /** Replaces a book in place (its tile and row update where they are) and tells the open detail views. */
    public void updated(BookSummary summary, BookWithFiles full) {
        int i = indexOf(summary.id());
        if (i >= 0 && !books.get(i).equals(summary)) {
            // Only a changed book is replaced: each replacement costs the sorted view a pass over 100,000 books,
            // and a scan of many books mostly finds nothing new.
            books.set(i, summary); // same place, same id: the positions stay right
        }
        if (full != null) {
            fire(new BookEvent.Updated(full));
        }
    }

    public void removed(long bookId) {
        positions = null;
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
