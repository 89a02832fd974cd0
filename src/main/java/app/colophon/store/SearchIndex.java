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
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps the search tables of migration V5 in step with every write of a book or a file (docs/DECISIONS.md, "Search"):
 * {@code book_fts}, the folded words of each book for word and phrase search, and {@code book_value}, one row per book
 * and value (author, series, genre, tag, format, language, publisher, and the "manual" marks) for whole-value search and the
 * browser's counts. Written by the repositories from the values in hand, so a scan reads nothing back for it; inside a
 * write transaction the rows are gathered and written when it commits ({@link Rows}).
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

    private static final Set<String> BOOK_KIND_SET = Set.of(AUTHOR, SERIES, GENRE, TAG, MANUAL);
    private static final Set<String> FILE_KIND_SET = Set.of(FORMAT, LANGUAGE, PUBLISHER, FILE_MANUAL);
    private static final String BOOK_KINDS = sqlList(BOOK_KIND_SET);
    private static final String FILE_KINDS = sqlList(FILE_KIND_SET);
    private static final String FILE_SOURCES = FileField.values().stream().map(f -> f.column() + "_src")
            .collect(Collectors.joining(", "));

    /** Rows a flush writes at once: bounds the memory of a long transaction (a reindex of every book). */
    private static final int FLUSH_ROWS = 20_000;
    private static final String BOOK_EXISTS = " WHERE EXISTS (SELECT 1 FROM book WHERE id = j.value ->> 0)";

    private final Jdbc jdbc;
    /** The current write transaction's rows, written when it ends ({@link #flush}); only its thread touches them. */
    private final Rows pending = new Rows();

    SearchIndex(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** After a book's fields were written; {@code created} when it is new (nothing of it indexed yet). */
    void bookWritten(long bookId, long libraryId, FieldValues<BookField<?>> fields, boolean created) {
        Rows rows = rows();
        String title = join(fields.text(BookField.TITLE), fields.text(BookField.SUBTITLE));
        String authors = fields.list(BookField.AUTHORS).stream().map(Contributor::name).collect(Collectors.joining(" ; "));
        String series = fields.list(BookField.SERIES).stream().map(SeriesEntry::name).collect(Collectors.joining(" ; "));
        String genres = String.join(" ; ", fields.list(BookField.GENRES));
        String tags = String.join(" ; ", fields.list(BookField.TAGS));
        String[] words = folded(title, authors, series, genres, tags);
        if (created || rows.words.containsKey(bookId)) {
            rows.words.put(bookId, words);
        } else if (jdbc.update("book_fts", "UPDATE book_fts SET title = ?, authors = ?, series = ?, genres = ?, "
                + "tags = ? WHERE rowid = ?", s -> {
                    for (int i = 0; i < words.length; i++) {
                        s.setString(i + 1, words[i]);
                    }
                    s.setLong(6, bookId);
                }) == 0) {
            rows.words.put(bookId, words);
        }
        if (!created) {
            jdbc.update("book_value", "DELETE FROM book_value WHERE book_id = ? AND kind IN (" + BOOK_KINDS + ")",
                    s -> s.setLong(1, bookId));
            rows.remove(bookId, BOOK_KIND_SET);
        }
        Map<String, Value> values = rows.of(bookId, libraryId);
        fields.list(BookField.AUTHORS).forEach(c -> add(values, AUTHOR, c.name(), c.sortName()));
        fields.list(BookField.SERIES).forEach(e -> add(values, SERIES, e.name(), null));
        fields.list(BookField.GENRES).forEach(g -> add(values, GENRE, g, null));
        fields.list(BookField.TAGS).forEach(t -> add(values, TAG, t, null));
        if (fields.fields().stream().anyMatch(f -> fields.source(f) == Source.MANUAL)) {
            add(values, MANUAL, MANUAL, null);
        }
        done(rows);
    }

    /**
     * After a file of the book was written or deleted: the values the book takes from its files. Only book_value rows:
     * rewriting the book's FTS row for its publisher made the first scan a third slower.
     */
    void filesChanged(long bookId) {
        record FileRow(long libraryId, String format, String language, String publisher, boolean manual) {
        }
        Rows rows = rows();
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
        rows.remove(bookId, FILE_KIND_SET);
        for (FileRow f : files) {
            Map<String, Value> values = rows.of(bookId, f.libraryId());
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
        done(rows);
    }

    /**
     * After a file was added to the book: its values join the book's (a new file only adds values, so nothing is read
     * back or deleted, which keeps a first scan as fast as before).
     */
    void fileAdded(long bookId, long libraryId, app.colophon.model.BookFile file) {
        Rows rows = rows();
        Map<String, Value> values = rows.of(bookId, libraryId);
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
        done(rows);
    }

    /**
     * Writes the rows the current write transaction has gathered: called before it commits, and before a search of
     * the same transaction reads the tables. A no-op on any other thread.
     */
    void flush() {
        if (jdbc.inTransaction("book_value") && !pending.isEmpty()) { // the thread check first: the rows are its own
            write(pending);
        }
    }

    /** Forgets the rows of a transaction that rolled back; by the thread that holds the write lock, after it. */
    void discard() {
        pending.clear();
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

    /**
     * Index rows not yet written. A scan writes a few for each of 100,000 books: gathered and written with one
     * statement per table (the rows as one JSON text that SQLite takes apart), a first scan spends about a third of
     * what a statement per book cost. Rows of a book deleted meanwhile are skipped when written.
     */
    private static final class Rows {
        /** Folded words of books that have no FTS row yet. */
        final Map<Long, String[]> words = new LinkedHashMap<>();
        /** book id → (kind and folded value → row), with the library of each book. */
        final Map<Long, Map<String, Value>> values = new LinkedHashMap<>();
        final Map<Long, Long> libraries = new java.util.HashMap<>();
        int count;

        Map<String, Value> of(long bookId, long libraryId) {
            libraries.put(bookId, libraryId);
            return values.computeIfAbsent(bookId, b -> new LinkedHashMap<>());
        }

        void remove(long bookId, Set<String> kinds) {
            Map<String, Value> of = values.get(bookId);
            if (of != null) {
                of.values().removeIf(v -> kinds.contains(v.kind()));
            }
        }

        boolean isEmpty() {
            return words.isEmpty() && values.isEmpty();
        }

        int size() {
            int n = words.size();
            for (Map<String, Value> v : values.values()) {
                n += v.size();
            }
            return n;
        }

        void clear() {
            words.clear();
            values.clear();
            libraries.clear();
        }
    }

    /** The transaction's rows, or rows of their own for a write outside one (written at once by {@link #done}). */
    private Rows rows() {
        return jdbc.inTransaction("book_value") ? pending : new Rows();
    }

    private void done(Rows rows) {
        if (rows != pending || ++pending.count % 1_000 == 0 && pending.size() >= FLUSH_ROWS) {
            write(rows);
        }
    }

    private void write(Rows rows) {
        if (!rows.words.isEmpty()) {
            StringBuilder json = new StringBuilder(rows.words.size() * 64).append('[');
            rows.words.forEach((id, w) -> {
                json.append(json.length() > 1 ? ",[" : "[").append(id);
                for (String text : w) {
                    FieldCodec.quote(json.append(','), text);
                }
                json.append(']');
            });
            jdbc.update("book_fts", "INSERT INTO book_fts (rowid, title, authors, series, genres, tags) SELECT "
                    + "j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5 "
                    + "FROM json_each(?) j" + BOOK_EXISTS, s -> s.setString(1, json.append(']').toString()));
        }
        StringBuilder json = new StringBuilder(rows.values.size() * 200).append('[');
        rows.values.forEach((id, values) -> {
            long library = rows.libraries.get(id);
            for (Value v : values.values()) {
                json.append(json.length() > 1 ? ",[" : "[").append(id).append(',').append(library);
                FieldCodec.quote(json.append(','), v.kind());
                FieldCodec.quote(json.append(','), v.folded());
                FieldCodec.quote(json.append(','), v.name());
                FieldCodec.quote(json.append(','), v.sortKey());
                json.append(']');
            }
        });
        if (json.length() > 1) {
            jdbc.update("book_value", "INSERT OR IGNORE INTO book_value (book_id, library_id, kind, folded, name, "
                    + "sort_key) SELECT j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, "
                    + "j.value ->> 5 FROM json_each(?) j" + BOOK_EXISTS, s -> s.setString(1, json.append(']').toString()));
        }
        rows.clear();
    }

    /** One row per book, kind and folded value: a book counts once for "Brontë" however often it names her. */
    private static void add(Map<String, Value> values, String kind, String name, String sort) {
        String folded = Folding.words(name);
        values.putIfAbsent(kind + '\u0000' + folded, new Value(kind, name, folded, Folding.fold(sort != null ? sort : name)));
    }

    private static String sqlList(Set<String> kinds) {
        return kinds.stream().sorted().map(k -> "'" + k + "'").collect(Collectors.joining(", "));
    }

    private static String[] folded(String... texts) {
        String[] out = new String[texts.length];
        for (int i = 0; i < texts.length; i++) {
            out[i] = Folding.fold(texts[i]);
        }
        return out;
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
