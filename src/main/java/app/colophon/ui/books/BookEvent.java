package app.colophon.ui.books;

import app.colophon.model.BookWithFiles;

/** A change to one book that every open view of it must show. */
public sealed interface BookEvent {

    long bookId();

    record Updated(BookWithFiles book) implements BookEvent {
        @Override
        public long bookId() {
            return book.book().id();
        }
    }

    record Removed(long bookId) implements BookEvent {
    }
}
