package app.colophon.library;

import app.colophon.model.Book;
import app.colophon.model.BookField;
import app.colophon.model.BookFile;
import app.colophon.model.BookWithFiles;
import app.colophon.model.Edits;
import app.colophon.model.FileField;
import app.colophon.store.Database;


/**
 * The user's own edits: every value set here gets source {@code manual}; an empty value is stored as a manual
 * clear, which a normal scan does not refill. Control characters are dropped and over-long values refused
 * ({@link ManualValues}, {@link InvalidValueException}).
 */
public final class MetadataEditor {

    private final Database db;

    public MetadataEditor(Database db) {
        this.db = db;
    }

    public BookWithFiles editBook(long bookId, Edits<BookField<?>> changes) {
        return db.inTransaction(() -> {
            Book book = db.books().find(bookId).orElseThrow(() -> new NotFoundException("No book with id " + bookId));
            Book updated = db.books().updateFields(book, changes.applyTo(book.fields(), ManualValues.CLEANER));
            return new BookWithFiles(updated, db.files().ofBook(bookId));
        });
    }

    public BookWithFiles editFile(long fileId, Edits<FileField<?>> changes) {
        return db.inTransaction(() -> {
            BookFile file = db.files().find(fileId).orElseThrow(() -> new NotFoundException("No file with id " + fileId));
            Book book = db.books().find(file.bookId()).orElseThrow();
            db.files().update(book.libraryId(), file.withFields(changes.applyTo(file.fields(), ManualValues.CLEANER)));
            return new BookWithFiles(book, db.files().ofBook(book.id()));
        });
    }
}
