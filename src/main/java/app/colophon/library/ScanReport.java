package app.colophon.library;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The outcome of a library scan. A scan deletes nothing: files gone from disk are marked missing, and files moved
 * or renamed keep their records.
 *
 * @param booksMissing     books this scan left with every file missing
 * @param filesMissing     files this scan found gone (and not moved)
 * @param filesMoved       new paths that took over the record of a missing file
 * @param errors           each file or folder that could not be read, with the reason
 * @param unavailableRoots each library folder that was not available, with the message for the user; nothing
 *                         under it was changed
 */
public record ScanReport(int booksAdded, int booksUpdated, int booksMissing, int filesRead, int filesUnchanged,
                         int filesMissing, int filesMoved, List<FileError> errors, List<FileError> unavailableRoots,
                         boolean cancelled, Duration elapsed) {

    public record FileError(Path path, String message) {
    }

    public ScanReport {
        errors = List.copyOf(errors);
        unavailableRoots = List.copyOf(unavailableRoots);
    }

    public int filesFailed() {
        return errors.size();
    }
}
