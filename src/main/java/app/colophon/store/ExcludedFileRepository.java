package app.colophon.store;

import app.colophon.model.ExcludedFile;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** The paths a user removed from a library, which scans skip ({@code excluded_file}). */
public interface ExcludedFileRepository {

    /** Remembers {@code path} as excluded from the library; an exclusion already there keeps its first time. */
    void add(long libraryId, Path path, long sinceMillis);

    /** The exclusions of one library or (null) of all, by library and path. */
    List<ExcludedFile> list(Long libraryId);

    /** The excluded paths of one library, for a scan to skip. */
    Set<Path> paths(long libraryId);

    /** Forgets {@code path} as excluded from every library; returns how many exclusions went. */
    int remove(Path path);

    /** Forgets the library's exclusions under {@code root}; returns how many. */
    int deleteUnder(long libraryId, Path root);
}
