package app.colophon.store;

import app.colophon.model.BookField;
import app.colophon.model.Contributor;
import app.colophon.model.FieldValues;
import app.colophon.model.FileField;
import app.colophon.model.Folding;
import app.colophon.model.SeriesEntry;
import app.colophon.model.Source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Keeps the search tables of migration V5 in step with every write of a book or a file (docs/DECISIONS.md, "Search"):
 * {@code book_fts}, the folded words of each book for word and phrase search, and {@code book_value}, one row per book
 * and value (author, series, genre, tag, format, language, publisher, and the "manual" marks) for whole-value search and the
 * browser's counts. Written by the repositories from the values in hand, so a scan reads nothing back for it.
 */
final class SearchIndex {

    static final String AUTHOR = "author";
    static final String SERIES = "series";
    static final String GENRE = "genre";
    static final String TAG = "tag";
    static final String FORMAT = "format";
    static final String LANGUAGE = "lang";
    static final String PUBLISHER = "publisher";
    /** A book with a manual value of its own / with a file that has one. */
    static final String MANUAL = "manual";
    static final String FILE_MANUAL = "file-manual";

    private static final String BOOK_KINDS = "'author', 'series', 'genre', 'tag', 'manual'";
    private static final String FILE_KINDS = "'format', 'lang', 'publisher', 'file-manual'";
    private static final String FILE_SOURCES = FileField.values().stream().map(f -> f.column() + "_src")
            .collect(Collectors.joining(", "));

    private final Jdbc jdbc;

    SearchIndex(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** After a book's fields were written; {@code created} when it is new (nothing of it indexed yet). */
    void bookWritten(long bookId, long libraryId, FieldValues<BookField<?>> fields, boolean created) {
        String title = join(fields.text(BookField.TITLE), fields.text(BookField.SUBTITLE));
        String authors = fields.list(BookField.AUTHORS).stream().map(Contributor::name).collect(Collectors.joining(" ; "));
        String series = fields.list(BookField.SERIES).stream().map(SeriesEntry::name).collect(Collectors.joining(" ; "));
        String genres = String.join(" ; ", fields.list(BookField.GENRES));
        String tags = String.join(" ; ", fields.list(BookField.TAGS));
        int updated = created ? 0 : jdbc.update("book_fts", "UPDATE book_fts SET title = ?, authors = ?, series = ?, "
                + "genres = ?, tags = ? WHERE rowid = ?", s -> {
                    bindFolded(s, 1, title, authors, series, genres, tags);
                    s.setLong(6, bookId);
                });
        if (updated == 0) {
            jdbc.update("book_fts", "INSERT INTO book_fts (rowid, title, authors, series, genres, tags) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", s -> {
                        s.setLong(1, bookId);
                        bindFolded(s, 2, title, authors, series, genres, tags);
                    });
        }
        if (!created) {
            jdbc.update("book_value", "DELETE FROM book_value WHERE book_id = ? AND kind IN (" + BOOK_KINDS + ")",
                    s -> s.setLong(1, bookId));
        }
        Map<String, Value> values = new LinkedHashMap<>();
        fields.list(BookField.AUTHORS).forEach(c -> add(values, AUTHOR, c.name(), c.sortName()));
        fields.list(BookField.SERIES).forEach(e -> add(values, SERIES, e.name(), null));
        fields.list(BookField.GENRES).forEach(g -> add(values, GENRE, g, null));
        fields.list(BookField.TAGS).forEach(t -> add(values, TAG, t, null));
        if (fields.fields().stream().anyMatch(f -> fields.source(f) == Source.MANUAL)) {
            add(values, MANUAL, MANUAL, null);
        }
        insert(bookId, libraryId, values);
    }

    /**
     * After a file of the book was written or deleted: the values the book takes from its files. Only book_value rows:
     * rewriting the book's FTS row for its publisher made the first scan a third slower.
     */
    void filesChanged(long bookId) {
        record FileRow(long libraryId, String format, String language, String publisher, boolean manual) {
        }
        List<FileRow> files = jdbc.query("book_file", "SELECT library_id, format, " + FileField.LANGUAGE.column() + ", "
                + FileField.PUBLISHER.column() + ", " + FILE_SOURCES + " FROM book_file WHERE book_id = ?",
                s -> s.setLong(1, bookId), r -> {
                    boolean manual = false;
                    for (int i = 5; i < 5 + FileField.values().size(); i++) {
                        manual |= Source.MANUAL.jsonName().equals(r.getString(i));
                    }
                    return new FileRow(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), manual);
                });
        jdbc.update("book_value", "DELETE FROM book_value WHERE book_id = ? AND kind IN (" + FILE_KINDS + ")",
                s -> s.setLong(1, bookId));
        if (files.isEmpty()) {
            return;
        }
        Map<String, Value> values = new LinkedHashMap<>();
        for (FileRow f : files) {
            add(values, FORMAT, f.format(), null);
            if (f.language() != null) {
                add(values, LANGUAGE, f.language(), null);
            }
            if (f.publisher() != null) {
                add(values, PUBLISHER, f.publisher(), null);
            }
            if (f.manual()) {
                add(values, FILE_MANUAL, MANUAL, null);
            }
        }
        insert(bookId, files.get(0).libraryId(), values);
    }

    /**
     * After a file was added to the book: its values join the book's (a new file only adds values, so nothing is read
     * back or deleted, which keeps a first scan as fast as before).
     */
    void fileAdded(long bookId, long libraryId, app.colophon.model.BookFile file) {
        Map<String, Value> values = new LinkedHashMap<>();
        add(values, FORMAT, file.format().jsonName(), null);
        String language = file.fields().text(FileField.LANGUAGE);
        if (language != null) {
            add(values, LANGUAGE, language, null);
        }
        String publisher = file.fields().text(FileField.PUBLISHER);
        if (publisher != null) {
            add(values, PUBLISHER, publisher, null);
        }
        if (file.fields().fields().stream().anyMatch(f -> file.fields().source(f) == Source.MANUAL)) {
            add(values, FILE_MANUAL, MANUAL, null);
        }
        insert(bookId, libraryId, values);
    }

    /** Indexes every book again (migration V5 fills the new tables of an existing database with it). */
    void rebuild(List<Long> bookIds, java.util.function.LongFunction<app.colophon.model.Book> book) {
        jdbc.update("book_fts", "DELETE FROM book_fts", s -> { });
        jdbc.update("book_value", "DELETE FROM book_value", s -> { });
        for (long id : bookIds) {
            app.colophon.model.Book b = book.apply(id);
            bookWritten(id, b.libraryId(), b.fields(), true);
            filesChanged(id);
        }
    }

    private record Value(String kind, String name, String folded, String sortKey) {
    }

    /** One row per book, kind and folded value: a book counts once for "Brontë" however often it names her. */
    private static void add(Map<String, Value> values, String kind, String name, String sort) {
        String folded = Folding.words(name);
        values.putIfAbsent(kind + '\u0000' + folded, new Value(kind, name, folded, Folding.fold(sort != null ? sort : name)));
    }

    /** All rows in one statement: a scan writes a few for each of 100,000 books. */
    private void insert(long bookId, long libraryId, Map<String, Value> values) {
        if (values.isEmpty()) {
            return;
        }
        String rows = String.join(", ", java.util.Collections.nCopies(values.size(), "(?, ?, ?, ?, ?, ?)"));
        jdbc.update("book_value", "INSERT OR IGNORE INTO book_value (book_id, library_id, kind, folded, name, sort_key) "
                + "VALUES " + rows, s -> {
                    int i = 1;
                    for (Value v : values.values()) {
                        s.setLong(i++, bookId);
                        s.setLong(i++, libraryId);
                        s.setString(i++, v.kind());
                        s.setString(i++, v.folded());
                        s.setString(i++, v.name());
                        s.setString(i++, v.sortKey());
                    }
                });
    }

    private static void bindFolded(java.sql.PreparedStatement s, int from, String... texts) throws java.sql.SQLException {
        for (int i = 0; i < texts.length; i++) {
            s.setString(from + i, Folding.fold(texts[i]));
        }
    }

    private static String join(String a, String b) {
        List<String> parts = new ArrayList<>();
        if (a != null) {
            parts.add(a);
        }
        if (b != null) {
            parts.add(b);
        }
        return String.join(" ; ", parts);
    }
}
