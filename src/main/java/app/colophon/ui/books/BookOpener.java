package app.colophon.ui.books;

/** Opens a book's detail view; {@code edit} puts the cursor in the editor. */
@FunctionalInterface
public interface BookOpener {
    void open(long bookId, boolean edit);
}
