package app.colophon.library;

import app.colophon.model.Book;
import app.colophon.model.BookFile;
import app.colophon.model.BookWithFiles;
import app.colophon.model.Library;
import app.colophon.store.Database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resync of one book or one file from disk (DESIGN §5), inline, in three modes (scan, refresh, reset). A file is
 * read by the scan's {@link MetadataExtractor}, within the scan's time budget, and written by the scan's {@link LibraryWriter}; a book resync
 * updates each file record, then derives the book's values once from all of them. Nothing is read or written
 * under an unavailable library folder. It may run while a scan runs: writes are serialised by the database.
 */
public final class ResyncService implements Resync {

    private final Database db;
    private final BudgetedReader extractor;
    private final LibraryWriter writer;

    /** A resync whose reads have the default scan's time budget (60 s per file). */
    public ResyncService(Database db, MetadataExtractor extractor) {
        this(db, extractor, ScanTuning.defaults().fileBudget());
    }

    /** A file whose reading takes longer than {@code fileBudget} fails as in a scan: "reading took longer than …". */
    public ResyncService(Database db, MetadataExtractor extractor, java.time.Duration fileBudget) {
        this.db = db;
        this.extractor = new BudgetedReader(extractor, fileBudget);
        this.writer = new LibraryWriter(db);
    }

    @Override
    public ResyncResult resyncFile(long fileId, ResyncMode mode) {
        BookFile file = db.files().find(fileId)
                .orElseThrow(() -> new NotFoundException("No file with id " + fileId));
        long libraryId = db.files().libraryOf(fileId).orElseThrow(() -> new NotFoundException("No file with id " + fileId));
        requireAvailable(libraryId, List.of(file.path()));
        return scanSingleFile(libraryId, file.path(), mode);
    }

    /**
     * The one way from a file on disk to the database: a file gone from disk has its record (and an emptied
     * book) deleted; a file that cannot be read changes nothing and raises {@link ParseFailedException}. A reset
     * resets the file's values; its book is derived again under the scan's rules (its own manual values stay).
     */
    public ResyncResult scanSingleFile(long libraryId, Path path, ResyncMode mode) {
        FileReading reading = extractor.read(path);
        if (reading.failed()) {
            throw new ParseFailedException(reading.error());
        }
        return db.inTransaction(() -> {
            if (reading.missing()) {
                BookFile gone = db.files().findByPath(libraryId, path)
                        .orElseThrow(() -> new NotFoundException("No file " + path + " in the library"));
                return (ResyncResult) new ResyncResult.Removed(true, writer.removeFile(gone));
            }
            if (mode == ResyncMode.RESET) {
                BookFile file = writer.updateFile(libraryId, reading, mode);
                Book book = writer.rederive(file.bookId(), false).orElseThrow();
                return new ResyncResult.Updated(withFiles(book), file, List.of(), List.of());
            }
            LibraryWriter.Applied applied = writer.apply(libraryId, reading, mode.forceRefresh());
            return new ResyncResult.Updated(withFiles(applied.book()), applied.file(), List.of(), List.of());
        });
    }

    /**
     * Rescans every file of a book. Files gone from disk are removed; files that fail to parse are named in the
     * result while the book is updated from the others; when every remaining file fails, nothing changes.
     */
    @Override
    public ResyncResult resyncBook(long bookId, ResyncMode mode) {
        long libraryId = db.books().libraryOf(bookId)
                .orElseThrow(() -> new NotFoundException("No book with id " + bookId));
        // paths only: the records themselves are read in the transaction below, as it finds them
        List<Path> paths = db.files().pathsOfBook(bookId);
        requireAvailable(libraryId, paths);
        List<FileReading> good = new ArrayList<>();
        List<Path> gone = new ArrayList<>();
        List<FileReading> failed = new ArrayList<>();
        for (Path path : paths) {
            FileReading reading = extractor.read(path);
            if (reading.missing()) {
                gone.add(path);
            } else if (reading.failed()) {
                failed.add(reading);
            } else {
                good.add(reading);
            }
        }
        List<String> failures = failed.stream().map(r -> r.path().getFileName() + ": " + r.error()).toList();
        if (good.isEmpty() && !failed.isEmpty()) {
            throw new ParseFailedException(failed.size() == 1 ? failed.get(0).error() : String.join("; ", failures));
        }
        return db.inTransaction(() -> {
            Book current = db.books().find(bookId)
                    .orElseThrow(() -> new NotFoundException("No book with id " + bookId));
            // the book's records as this transaction finds them: what each file is merged into, and, when none of
            // them changes, what the book is derived from (reading them again was two of a resync's six queries)
            List<BookFile> stored = new ArrayList<>();
            for (BookFile file : db.files().ofBook(bookId)) {
                if (gone.contains(file.path())) {
                    db.files().delete(file.id());
                } else {
                    stored.add(file);
                }
            }
            if (good.isEmpty()) {
                db.books().delete(bookId);
                return (ResyncResult) new ResyncResult.Removed(!gone.isEmpty(), true);
            }
            boolean changed = !gone.isEmpty();
            for (FileReading reading : good) {
                changed |= update(libraryId, stored, reading, mode);
            }
            if (mode == ResyncMode.RESET) {
                // a reset clears the manual values of the files it could not read, too
                for (FileReading reading : failed) {
                    changed |= update(libraryId, stored, reading, mode);
                }
            }
            List<BookFile> now = changed ? db.files().ofBook(bookId) : stored;
            Optional<Book> updated = writer.rederive(current, now, mode);
            if (updated.isEmpty()) {
                // its files went to another book while they were read (a scan running beside this resync)
                return new ResyncResult.Removed(!gone.isEmpty(), true);
            }
            return new ResyncResult.Updated(new BookWithFiles(updated.get(), now), null, failures, List.copyOf(gone));
        });
    }

    /**
     * Updates the record of the file read as {@code reading}: the book's own from {@code stored}, or, for a file that
     * went to another book while it was read (a scan beside this resync), found by its path. Whether it was written.
     */
    private boolean update(long libraryId, List<BookFile> stored, FileReading reading, ResyncMode mode) {
        BookFile record = stored.stream().filter(f -> f.path().equals(reading.path())).findFirst().orElse(null);
        if (record == null) {
            writer.updateFile(libraryId, reading, mode);
            return true;
        }
        return writer.updateFile(libraryId, record, reading, mode) != record;
    }

    /**
     * A resync under an unavailable root (an unmounted drive) would take every file for deleted: it is refused
     * before anything is read or written (RootAvailability).
     */
    private void requireAvailable(long libraryId, List<Path> paths) {
        if (paths.stream().allMatch(Files::exists)) {
            return;
        }
        Library library = db.libraries().find(libraryId)
                .orElseThrow(() -> new NotFoundException("No library with id " + libraryId));
        for (Path path : paths) {
            RootAvailability.requireAvailable(library, path, root -> db.files().pathsUnder(libraryId, root));
        }
    }

    private BookWithFiles withFiles(Book book) {
        return new BookWithFiles(book, db.files().ofBook(book.id()));
    }
}
