package app.colophon.model;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/** A file the user removed from a library: scans skip its path until it is restored. */
public record ExcludedFile(long libraryId, Path path, Instant since) {

    public ExcludedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(since, "since");
    }
}
