package app.colophon.library;

import app.colophon.model.Book;
import app.colophon.model.BookField;
import app.colophon.model.BookFile;
import app.colophon.model.BookWithFiles;
import app.colophon.model.Contributor;
import app.colophon.model.Edits;
import app.colophon.model.Field;
import app.colophon.model.FileField;
import app.colophon.model.ValueKind;
import app.colophon.store.Database;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;


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
        return db.inTransaction(() -> write(find(bookId), changes));
    }

    private Book find(long bookId) {
        return db.books().find(bookId).orElseThrow(() -> new NotFoundException("No book with id " + bookId));
    }

    /** The one way a user's book edit is stored; the caller holds the transaction. */
    private BookWithFiles write(Book book, Edits<BookField<?>> changes) {
        Book updated = db.books().updateFields(book, changes.applyTo(book.fields(), new Edits.Cleaner() {
            @Override
            public <T> T clean(Field<T> field, T value) {
                return keepSortNames(book, field, ManualValues.CLEANER.clean(field, value));
            }
        }));
        return new BookWithFiles(updated, db.files().ofBook(book.id()));
    }

    /**
     * An edited list of people keeps the file's sort name ("LeGuin, Ursula") of each person it still names: the
     * editor and the command line show and take names only, so adding a translator used to drop every author's
     * sort name and sort them by the derived "Le Guin, Ursula K." instead. Matched by name and role, else by name.
     */
    @SuppressWarnings("unchecked")
    private static <T> T keepSortNames(Book book, Field<T> field, T value) {
        if (field.kind() != ValueKind.CONTRIBUTORS || !(value instanceof List<?> edited)
                || !(book.fields().value((BookField<?>) field) instanceof List<?> before)) {
            return value;
        }
        Map<String, String> byNameAndRole = new HashMap<>();
        Map<String, String> byName = new HashMap<>();
        for (Object o : before) {
            if (o instanceof Contributor c && c.fileAs() != null) {
                byNameAndRole.putIfAbsent(c.name() + '\u0000' + c.role(), c.fileAs());
                byName.putIfAbsent(c.name(), c.fileAs());
            }
        }
        if (byName.isEmpty()) {
            return value;
        }
        List<Object> out = new ArrayList<>(edited.size());
        for (Object o : edited) {
            if (o instanceof Contributor c && c.fileAs() == null) {
                String fileAs = byNameAndRole.getOrDefault(c.name() + '\u0000' + c.role(), byName.get(c.name()));
                out.add(fileAs == null ? c : c.withFileAs(fileAs));
            } else {
                out.add(o);
            }
        }
        return (T) List.copyOf(out); // a contributors field's value is a list of contributors, as it came
    }

    /**
     * Adds, removes or sets tags, genres or series of many books in one transaction, each book stored as
     * {@link #editBook} stores it (manual values, cleaned and checked the same way): one bad value or unknown id
     * changes no book. A book an add or remove leaves as it was (removing a tag it does not have) is not written, so
     * its values keep their source; a set is always written. Returns the books in the order given.
     */
    public List<BookWithFiles> editMany(Collection<Long> bookIds, ListEdit edit) {
        return editMany(bookIds, List.of(edit));
    }

    /** {@link #editMany(Collection, ListEdit)} with several edits, applied in order to each book, in one transaction. */
    public List<BookWithFiles> editMany(Collection<Long> bookIds, List<ListEdit> edits) {
        return db.inTransaction(() -> {
            List<BookWithFiles> out = new ArrayList<>();
            for (long bookId : new LinkedHashSet<>(bookIds)) {
                Book book = find(bookId);
                Edits<BookField<?>> changes = changes(book, edits);
                out.add(changes.isEmpty() ? new BookWithFiles(book, db.files().ofBook(bookId)) : write(book, changes));
            }
            return out;
        });
    }

    /**
     * The lists the edits make of the book's, for the fields they change: a set always (the user stated the value),
     * an add or remove only when the list comes out different.
     */
    private static Edits<BookField<?>> changes(Book book, List<ListEdit> edits) {
        Map<BookField<?>, List<Object>> lists = new LinkedHashMap<>();
        Set<BookField<?>> stated = new HashSet<>();
        for (ListEdit edit : edits) {
            List<?> current = lists.containsKey(edit.field()) ? lists.get(edit.field()) : current(book, edit.field());
            lists.put(edit.field(), ListEdits.apply(edit, current));
            if (edit.op() == ListEdit.Op.SET) {
                stated.add(edit.field());
            }
        }
        Edits<BookField<?>> changes = Edits.ofBook();
        lists.forEach((field, list) -> {
            if (stated.contains(field) || !list.equals(current(book, field))) {
                set(changes, field, list);
            }
        });
        return changes;
    }

    private static List<?> current(Book book, BookField<?> field) {
        Object value = book.fields().value(field);
        return value == null ? List.of() : (List<?>) value;
    }

    @SuppressWarnings("unchecked")
    private static <T> void set(Edits<BookField<?>> changes, BookField<T> field, List<Object> list) {
        changes.set(field, (T) list); // a list field's value is a list; ListEdit checked its elements' type
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
