package app.colophon.library;

import app.colophon.model.Book;
import app.colophon.model.BookField;
import app.colophon.model.BookFile;
import app.colophon.model.BookWithFiles;
import app.colophon.model.FieldValues;
import app.colophon.model.FileField;
import app.colophon.model.Source;
import app.colophon.store.Database;

import java.util.Map;

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

    /** Values are Strings for text fields and Lists for relationships (see {@link app.colophon.model.ValueKind}). */
    public BookWithFiles editBook(long bookId, Map<BookField, Object> changes) {
        return db.inTransaction(() -> {
            Book book = db.books().find(bookId).orElseThrow(() -> new NotFoundException("No book with id " + bookId));
            FieldValues<BookField> fields = book.fields();
            for (Map.Entry<BookField, Object> change : changes.entrySet()) {
                fields = fields.with(change.getKey(), ManualValues.clean(change.getKey(), change.getValue()), Source.MANUAL);
            }
            Book updated = db.books().updateFields(book, fields);
            return new BookWithFiles(updated, db.files().ofBook(bookId));
        });
    }

    public BookWithFiles editFile(long fileId, Map<FileField, Object> changes) {
        return db.inTransaction(() -> {
            BookFile file = db.files().find(fileId).orElseThrow(() -> new NotFoundException("No file with id " + fileId));
            FieldValues<FileField> fields = file.fields();
            for (Map.Entry<FileField, Object> change : changes.entrySet()) {
                fields = fields.with(change.getKey(), ManualValues.clean(change.getKey(), change.getValue()), Source.MANUAL);
            }
            Book book = db.books().find(file.bookId()).orElseThrow();
            db.files().update(book.libraryId(), file.withFields(fields));
            return new BookWithFiles(book, db.files().ofBook(book.id()));
        });
    }
}
