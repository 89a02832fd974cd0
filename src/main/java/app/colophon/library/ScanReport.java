package app.colophon.library;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The outcome of a library scan. {@code errors} lists each file that could not be read, with the reason. */
public record ScanReport(int booksAdded, int booksUpdated, int booksRemoved, int filesRead, int filesUnchanged,
                         int filesRemoved, List<FileError> errors, boolean cancelled, Duration elapsed) {

    public record FileError(Path path, String message) {
    }

    public ScanReport {
        errors = List.copyOf(errors);
    }

    public int filesFailed() {
        return errors.size();
    }
}
