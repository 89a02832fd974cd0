package app.colophon.store;

import app.colophon.model.BookFile;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface FileRepository {

    /** Size and modified time of a stored file, enough to tell whether it changed on disk. */
    record Stamp(long id, long bookId, Path path, long sizeBytes, long modifiedMillis, boolean missing) {
    }

    Optional<BookFile> find(long id);

    Optional<BookFile> findByPath(long libraryId, Path path);

    List<BookFile> ofBook(long bookId);

    /** The paths of a book's files, in the order of {@link #ofBook}, without decoding their values. */
    List<Path> pathsOfBook(long bookId);

    /** Inserts a file record (its id is ignored) and returns it with its new id. */
    BookFile insert(long libraryId, BookFile file);

    /** Stores a file record as given; {@code libraryId} is the library of its book. */
    BookFile update(long libraryId, BookFile file);

    boolean delete(long fileId);

    List<Stamp> stamps(long libraryId);

    /**
     * The stamps of the library's files whose id leaves {@code part} when divided by {@code parts}: the parts of one
     * library can be read at once, on as many connections.
     */
    List<Stamp> stamps(long libraryId, int part, int parts);

    /** The library a file belongs to. */
    Optional<Long> libraryOf(long fileId);

    /** Marks files as gone from disk since {@code sinceMillis}, keeping every value. */
    void markMissing(Collection<Long> fileIds, long sinceMillis);

    /** The files of a library marked missing, oldest first; {@code libraryId} null for every library. */
    List<BookFile> missing(Long libraryId);

    /** Paths of the library's files under {@code root} (the folder itself excluded), missing ones included. */
    List<Path> pathsUnder(long libraryId, Path root);

    /** How many books have a file under {@code root}. */
    long booksUnder(long libraryId, Path root);

    /** Deletes the records of the library's files under {@code root}; returns how many. */
    int deleteUnder(long libraryId, Path root);

    /** How many of the library's files list an identifier with this exact value. */
    long countWithIdentifier(long libraryId, String value);
}
