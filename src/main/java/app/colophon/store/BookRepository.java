package app.colophon.store;

import app.colophon.model.Book;
import app.colophon.model.BookField;
import app.colophon.model.BookSummary;
import app.colophon.model.FieldValues;

import java.util.List;
import java.util.Optional;

public interface BookRepository {

    Optional<Book> find(long id);

    Optional<Book> findByGroup(long libraryId, String folder, String groupKey);

    Book insert(long libraryId, String folder, String groupKey, FieldValues<BookField> fields);

    /** Stores new field values for a stored book and stamps its update time; returns the stored book. */
    Book updateFields(Book book, FieldValues<BookField> fields);

    /** Deletes a book and, through the foreign key, its file records. Returns false if it did not exist. */
    boolean delete(long bookId);

    List<Book> list(long libraryId);

    /** The grid's view of every book of a library, in one query. */
    List<BookSummary> summaries(long libraryId);

    Optional<BookSummary> summary(long bookId);

    /** Books of the library with no file left. */
    List<Long> idsWithoutFiles(long libraryId);

    long count(long libraryId);
}
