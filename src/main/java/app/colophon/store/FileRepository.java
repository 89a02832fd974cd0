package app.colophon.store;

import app.colophon.model.BookFile;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

public interface FileRepository {

    /** Size and modified time of a stored file, enough to tell whether it changed on disk. */
    record Stamp(long id, long bookId, Path path, long sizeBytes, long modifiedMillis) {
    }

    Optional<BookFile> find(long id);

    Optional<BookFile> findByPath(long libraryId, Path path);

    List<BookFile> ofBook(long bookId);

    /** Inserts a file record (its id is ignored) and returns it with its new id. */
    BookFile insert(long libraryId, BookFile file);

    /** Stores a file record as given; {@code libraryId} is the library of its book. */
    BookFile update(long libraryId, BookFile file);

    boolean delete(long fileId);

    List<Stamp> stamps(long libraryId);

    /** The library a file belongs to. */
    Optional<Long> libraryOf(long fileId);
}
