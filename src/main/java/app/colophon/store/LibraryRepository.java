package app.colophon.store;

import app.colophon.model.Library;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

public interface LibraryRepository {

    List<Library> list();

    Optional<Library> find(long id);

    Optional<Library> findByName(String name);

    Library create(String name);

    /** Adds a root folder (no-op when the library already has it); returns the library as it is now. */
    Library addRoot(long libraryId, Path root);

    /** Forgets a root folder of the library (its file records are the caller's); returns whether it had it. */
    boolean removeRoot(long libraryId, Path root);

    /** Deletes the library with all its books and files (user files on disk are never touched). */
    void delete(long libraryId);
}
