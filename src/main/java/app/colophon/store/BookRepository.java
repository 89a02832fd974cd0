package app.colophon.store;

import app.colophon.model.Book;
import app.colophon.model.BookField;
import app.colophon.model.BookSummary;
import app.colophon.model.FieldValues;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

public interface BookRepository {

    Optional<Book> find(long id);

    /** The library of the book {@code id}, without reading its values; empty when there is no such book. */
    Optional<Long> libraryOf(long id);

    Optional<Book> findByGroup(long libraryId, String folder, String groupKey);

    /** Where files of one book live: a folder and a group key (the file name's stem, or a chapter file's album). */
    record Group(String folder, String key) {
    }

    /** Of these groups, those a book of the library has: one query for what {@link #findByGroup} asks one by one. */
    Set<Group> withBooks(long libraryId, Collection<Group> groups);

    Book insert(long libraryId, String folder, String groupKey, FieldValues<BookField<?>> fields);

    /** Stores new field values for a stored book and stamps its update time; returns the stored book. */
    Book updateFields(Book book, FieldValues<BookField<?>> fields);

    /** Deletes a book and, through the foreign key, its file records. Returns false if it did not exist. */
    boolean delete(long bookId);

    List<Book> list(long libraryId);

    /** The grid's view of every book of a library, in one query. */
    List<BookSummary> summaries(long libraryId);

    Optional<BookSummary> summary(long bookId);

    /** The summaries of {@link #summaries}, in id order, handed over {@code pageSize} at a time as they are read. */
    void forEachSummary(long libraryId, int pageSize, Consumer<BookSummary> each);

    /** Deletes the books of the library that have no file record left; returns how many. */
    int deleteWithoutFiles(long libraryId);

    /**
     * Moves a book to another folder and group key (its only file moved there), unless another book of the
     * library already has them; returns whether it moved.
     */
    boolean relocate(Book book, String folder, String groupKey);

    long count(long libraryId);
}
