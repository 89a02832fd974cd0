package app.colophon.library;

import app.colophon.formats.FilepathParser;
import app.colophon.model.Book;
import app.colophon.model.BookField;
import app.colophon.model.BookFile;
import app.colophon.model.Field;
import app.colophon.model.FieldValues;
import app.colophon.model.FileField;
import app.colophon.model.FileFormat;
import app.colophon.store.BookRepository;
import app.colophon.store.Database;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Writes readings into the database: the one place where a file on disk becomes file and book records.
 * Every method must run inside a {@link Database#inTransaction} so that one file's change is atomic.
 */
final class LibraryWriter {

    /** What applying one reading did. */
    record Applied(BookFile file, Book book, boolean fileCreated, boolean bookCreated, boolean bookChanged) {
    }

    private final Database db;

    LibraryWriter(Database db) {
        this.db = db;
    }

    /**
     * Stores a reading: the file record is created or merged (an error is recorded on it, keeping what it had),
     * then its book's values are derived again from all the book's files and merged.
     */
    Applied apply(long libraryId, FileReading reading, boolean forceRefresh) {
        return apply(libraryId, reading, forceRefresh, true, true);
    }

    /**
     * As {@link #apply(long, FileReading, boolean)}; {@code mayBeKnown} false says the library has no record at the
     * reading's path (a scan's new file), and {@code groupMayHaveBook} false that no book of the library has the
     * reading's folder and group key (a scan asks for a whole batch at once: {@link #withBooks}); each spares a query
     * per file of a first scan.
     */
    Applied apply(long libraryId, FileReading reading, boolean forceRefresh, boolean mayBeKnown,
                  boolean groupMayHaveBook) {
        Optional<BookFile> existing = mayBeKnown ? db.files().findByPath(libraryId, reading.path()) : Optional.empty();
        Book book;
        if (existing.isPresent()) {
            book = db.books().find(existing.get().bookId()).orElseThrow();
        } else {
            String folder = folderOf(reading.path());
            String key = groupKey(reading);
            Optional<Book> group = groupMayHaveBook ? db.books().findByGroup(libraryId, folder, key) : Optional.empty();
            if (group.isEmpty()) {
                // A new book has this one file: its values follow from the reading, with nothing to read back.
                FieldValues<BookField<?>> values = MergeRules.merge(BookField.none(),
                        BookValues.derive(List.of(newFile(0, reading))), forceRefresh);
                Book created = db.books().insert(libraryId, folder, key, values);
                BookFile file = db.files().insert(libraryId, newFile(created.id(), reading));
                return new Applied(file, created, true, true, false);
            }
            book = group.get();
        }
        BookFile stored = existing.orElse(null);
        BookFile file = stored == null
                ? db.files().insert(libraryId, newFile(book.id(), reading))
                : updated(libraryId, stored, merged(stored, reading, forceRefresh));
        Book before = book;
        // the book has this file now, so it is never left without files here
        book = rederive(book, db.files().ofBook(book.id()), mode(forceRefresh)).orElseThrow();
        return new Applied(file, book, stored == null, false, !before.fields().equals(book.fields()));
    }

    /**
     * A moved or renamed file takes over the record of the missing file it was (see {@link MoveMatcher}): the record
     * keeps its id, book, values and sources and gets the new path; a book whose only file this is moves with it,
     * so files added beside it later join it. Then the reading is merged as for any known file, under the scan's
     * rules, so manual values stay.
     */
    Applied takeOver(long libraryId, BookFile record, FileReading reading) {
        db.files().update(libraryId, record.movedTo(reading.path()));
        Optional<Book> book = db.books().find(record.bookId());
        if (book.isPresent() && db.files().ofBook(record.bookId()).size() == 1) {
            db.books().relocate(book.get(), folderOf(reading.path()), groupKey(reading));
        }
        return apply(libraryId, reading, false);
    }

    /**
     * A resync's update of one known file record, without deriving its book again (the caller does that once, for
     * all the book's files): merged under the mode's rules, or reset.
     */
    BookFile updateFile(long libraryId, FileReading reading, ResyncMode mode) {
        BookFile stored = db.files().findByPath(libraryId, reading.path())
                .orElseThrow(() -> new NotFoundException("No file " + reading.path() + " in the library"));
        return updateFile(libraryId, stored, reading, mode);
    }

    /**
     * {@link #updateFile(long, FileReading, ResyncMode)} of the record {@code stored}, read in this transaction; returns
     * {@code stored} itself when nothing changed, so nothing was written.
     */
    BookFile updateFile(long libraryId, BookFile stored, FileReading reading, ResyncMode mode) {
        return mode == ResyncMode.RESET ? reset(libraryId, stored, reading)
                : updated(libraryId, stored, merged(stored, reading, mode.forceRefresh()));
    }

    /**
     * Writes the record only when it changed: a resync of a file that says what it said before writes nothing, so its
     * transaction commits no pages (the write, the book's index rows and the commit were most of a resync's time).
     */
    private BookFile updated(long libraryId, BookFile stored, BookFile next) {
        return next.equals(stored) ? stored : db.files().update(libraryId, next);
    }

    /**
     * A book's new values from its files: derived afresh for a reset, merged under the mode's rules otherwise; the
     * one derivation of scans and resyncs. The book and its files are as the caller read them in this transaction (a
     * resync read them anyway: reading them again here was two of its eight queries). A book without files left is
     * deleted: empty.
     */
    Optional<Book> rederive(Book book, List<BookFile> files, ResyncMode mode) {
        if (files.isEmpty()) {
            db.books().delete(book.id());
            return Optional.empty();
        }
        FieldValues<BookField<?>> derived = BookValues.derive(files);
        FieldValues<BookField<?>> next = mode == ResyncMode.RESET ? derived
                : MergeRules.merge(book.fields(), derived, mode.forceRefresh());
        return Optional.of(next.equals(book.fields()) ? book : db.books().updateFields(book, next));
    }

    /**
     * Reset of one file (DESIGN §5): the record takes exactly what the reading says — manual values and manual
     * clears go. A file that cannot be read keeps what it said before but loses its manual values.
     */
    private BookFile reset(long libraryId, BookFile stored, FileReading r) {
        BookFile fresh = r.failed()
                ? new BookFile(stored.id(), stored.bookId(), stored.path(), stored.format(), stored.sizeBytes(),
                        stored.modifiedMillis(), stored.pageCount(), stored.durationSeconds(),
                        withoutManual(stored.fields()), stored.bookValues(), stored.error(), stored.fingerprint(), null,
                        stored.track())
                : new BookFile(stored.id(), stored.bookId(), stored.path(), stored.format(), r.sizeBytes(),
                        r.modifiedMillis(), r.pageCount(), r.durationSeconds(), r.fileValues(), r.bookValues(), r.recordedError(),
                        r.fingerprint(), null, r.track());
        return updated(libraryId, stored, fresh);
    }

    private static <F extends Field<?>> FieldValues<F> withoutManual(FieldValues<F> values) {
        FieldValues<F> result = FieldValues.empty(values.fields());
        for (Field<?> field : values.fields()) {
            if (values.source(field) != null && values.source(field) != app.colophon.model.Source.MANUAL) {
                result = result.withValueOf(field, values);
            }
        }
        return result;
    }

    /** Derives a book's values from its files again and merges them; deletes the book when no file is left. */
    Optional<Book> rederive(long bookId, boolean forceRefresh) {
        Optional<Book> book = db.books().find(bookId);
        if (book.isEmpty()) {
            return Optional.empty();
        }
        return rederive(book.get(), db.files().ofBook(bookId), mode(forceRefresh));
    }

    /** The resync mode whose merge a scan's {@code forceRefresh} asks for. */
    private static ResyncMode mode(boolean forceRefresh) {
        return forceRefresh ? ResyncMode.REFRESH : ResyncMode.SCAN;
    }

    /** Removes a file record; returns true when that left its book without files and the book went too. */
    boolean removeFile(BookFile file) {
        db.files().delete(file.id());
        return rederive(file.bookId(), false).isEmpty();
    }

    private static BookFile newFile(long bookId, FileReading r) {
        return new BookFile(0, bookId, r.path(), r.format(), r.sizeBytes(), r.modifiedMillis(), r.pageCount(),
                r.durationSeconds(), r.fileValues(), r.bookValues(), r.recordedError(), r.fingerprint(), null, r.track());
    }

    /** The stored record updated from a reading of its file, which is on disk again if it was missing. */
    private static BookFile merged(BookFile stored, FileReading r, boolean forceRefresh) {
        String fingerprint = r.fingerprint() != null ? r.fingerprint() : stored.fingerprint();
        if (r.failed()) {
            // Keep what the file said before it broke; the error shows in the file table until it is fixed.
            return new BookFile(stored.id(), stored.bookId(), stored.path(), stored.format(), r.sizeBytes(),
                    r.modifiedMillis(), stored.pageCount(), stored.durationSeconds(), stored.fields(),
                    stored.bookValues(), r.error(), fingerprint, null, stored.track());
        }
        FieldValues<FileField<?>> fields = MergeRules.merge(stored.fields(), r.fileValues(), forceRefresh);
        return new BookFile(stored.id(), stored.bookId(), stored.path(), stored.format(), r.sizeBytes(),
                r.modifiedMillis(), r.pageCount(), r.durationSeconds(), fields, r.bookValues(), r.recordedError(), fingerprint,
                null, r.track());
    }

    static String folderOf(Path path) {
        Path parent = path.toAbsolutePath().getParent();
        return parent == null ? "" : parent.toString();
    }

    /**
     * Files in one folder whose stems are equal, ignoring case, are one book; chapter files (MP3, M4A) of one folder
     * that share an album, ignoring case, are one book whatever their names.
     */
    static String groupKey(FileReading reading) {
        if (isChapterFile(reading.format()) && reading.audio() != null && reading.audio().album() != null) {
            return "album:" + reading.audio().album().toLowerCase(Locale.ROOT);
        }
        return FilepathParser.stem(reading.path()).toLowerCase(Locale.ROOT);
    }

    static boolean isChapterFile(FileFormat format) {
        return format == FileFormat.MP3 || format == FileFormat.M4A;
    }

    /**
     * An MP3 or M4A whose tags do not call it an audiobook is a book only with company — another file of its album
     * in its folder — so a stray song does not become a book (docs/DECISIONS.md).
     */
    static boolean needsCompany(FileReading reading) {
        return isChapterFile(reading.format()) && (reading.audio() == null || !reading.audio().audiobook());
    }

    /** The group a new file would join a book by. */
    static BookRepository.Group groupOf(FileReading reading) {
        return new BookRepository.Group(folderOf(reading.path()), groupKey(reading));
    }

    /** Of the groups of these readings, those a book of the library has, in one query. */
    Set<BookRepository.Group> withBooks(long libraryId, List<FileReading> readings) {
        Set<BookRepository.Group> groups = new HashSet<>();
        readings.forEach(r -> groups.add(groupOf(r)));
        return db.books().withBooks(libraryId, groups);
    }

    /** Whether the library already has the book a new file would join. */
    boolean hasBookFor(long libraryId, FileReading reading) {
        BookRepository.Group group = groupOf(reading);
        return db.books().findByGroup(libraryId, group.folder(), group.key()).isPresent();
    }
}
