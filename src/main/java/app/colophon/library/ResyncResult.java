package app.colophon.library;

import app.colophon.model.BookFile;
import app.colophon.model.BookWithFiles;

import java.nio.file.Path;
import java.util.List;

/** The outcome of a resync that did not fail (DESIGN §5). */
public sealed interface ResyncResult {

    /**
     * The book (and, for a file resync, the file) as stored now.
     *
     * @param failures     files of the book that could not be read (the book was updated from the others)
     * @param removedFiles files of the book that were gone from disk and whose records were deleted
     */
    record Updated(BookWithFiles book, BookFile file, List<String> failures, List<Path> removedFiles)
            implements ResyncResult {
        public Updated {
            failures = List.copyOf(failures);
            removedFiles = List.copyOf(removedFiles);
        }
    }

    /** The file was gone from disk and/or the book had no file left: their records were deleted. */
    record Removed(boolean fileDeleted, boolean bookDeleted) implements ResyncResult {
        public static final String FILE_REMOVED = "File removed (no longer on disk)";
        public static final String BOOK_REMOVED = "Book removed (no files remain)";

        /** What the user is told (DESIGN §5). */
        public String message() {
            return bookDeleted ? BOOK_REMOVED : FILE_REMOVED;
        }
    }
}
