package app.colophon.store;

import app.colophon.model.Book;
import app.colophon.model.BookField;
import app.colophon.model.BookSummary;
import app.colophon.model.Contributor;
import app.colophon.model.FieldValues;
import app.colophon.model.FileFormat;
import app.colophon.model.FileOrder;
import app.colophon.model.SeriesEntry;
import app.colophon.model.Track;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/** Books in SQLite, with their field columns made from {@link BookField} ({@link FieldColumns}). */
final class SqliteBookRepository implements BookRepository {

    private static final FieldColumns<BookField<?>> FIELDS = FieldColumns.BOOK;
    private static final String COLUMNS = "id, library_id, folder, group_key, added_at, updated_at, " + FIELDS.names();
    private static final String SELECT = "SELECT " + COLUMNS + " FROM book ";
    /** The position of the first field column in {@link #COLUMNS}. */
    private static final int FIRST_FIELD = 7;
    private static final String INSERT = "INSERT INTO book (library_id, folder, group_key, added_at, updated_at, "
            + FIELDS.names() + ") VALUES (?, ?, ?, ?, ?, " + FIELDS.placeholders() + ")";
    private static final String UPDATE_FIELDS = "UPDATE book SET " + FIELDS.assignments() + ", updated_at = ? WHERE id = ?";

    private final Jdbc jdbc;
    private final SearchIndex search;
    /** A library with more books than this is read as two halves at once ({@link #librarySummaries}). */
    private final long splitAbove;

    SqliteBookRepository(Jdbc jdbc, SearchIndex search) {
        this(jdbc, search, 20_000);
    }

    SqliteBookRepository(Jdbc jdbc, SearchIndex search, long splitAbove) {
        this.jdbc = jdbc;
        this.search = search;
        this.splitAbove = splitAbove;
    }

    @Override
    public Optional<Book> find(long id) {
        return jdbc.queryOne("book", SELECT + "WHERE id = ?", s -> s.setLong(1, id), SqliteBookRepository::book);
    }

    @Override
    public Optional<Long> libraryOf(long id) {
        return jdbc.queryOne("book", "SELECT library_id FROM book WHERE id = ?", s -> s.setLong(1, id), r -> r.getLong(1));
    }

    @Override
    public Optional<Book> findByGroup(long libraryId, String folder, String groupKey) {
        return jdbc.queryOne("book", SELECT + "WHERE library_id = ? AND folder = ? AND group_key = ?", s -> {
            s.setLong(1, libraryId);
            s.setString(2, folder);
            s.setString(3, groupKey);
        }, SqliteBookRepository::book);
    }

    @Override
    public Set<Group> withBooks(long libraryId, Collection<Group> groups) {
        if (groups.isEmpty()) {
            return Set.of();
        }
        StringBuilder json = new StringBuilder(groups.size() * 96).append('[');
        for (Group g : groups) {
            FieldCodec.quote(json.append(json.length() > 1 ? ",[" : "["), g.folder());
            FieldCodec.quote(json.append(','), g.key());
            json.append(']');
        }
        String array = json.append(']').toString();
        return new HashSet<>(jdbc.query("book", "SELECT j.value ->> 0, j.value ->> 1 FROM json_each(?) j WHERE EXISTS "
                + "(SELECT 1 FROM book b WHERE b.library_id = ? AND b.folder = j.value ->> 0 AND b.group_key = j.value ->> 1)",
                s -> {
                    s.setString(1, array);
                    s.setLong(2, libraryId);
                }, r -> new Group(r.getString(1), r.getString(2))));
    }

    @Override
    public Book insert(long libraryId, String folder, String groupKey, FieldValues<BookField<?>> fields) {
        long now = System.currentTimeMillis();
        long id = jdbc.insert("book", INSERT, s -> {
                    s.setLong(1, libraryId);
                    s.setString(2, folder);
                    s.setString(3, groupKey);
                    s.setLong(4, now);
                    s.setLong(5, now);
                    FIELDS.bind(s, 6, fields);
                });
        search.bookWritten(id, libraryId, fields, true);
        return new Book(id, libraryId, folder, groupKey, fields, Instant.ofEpochMilli(now), Instant.ofEpochMilli(now));
    }

    @Override
    public Book updateFields(Book book, FieldValues<BookField<?>> fields) {
        // Written from the book in hand rather than read again: this runs once per file of a scan.
        long now = System.currentTimeMillis();
        int changed = jdbc.update("book", UPDATE_FIELDS, s -> {
            int i = FIELDS.bind(s, 1, fields);
            s.setLong(i, now);
            s.setLong(i + 1, book.id());
        });
        if (changed != 1) {
            throw new StoreException("No book " + book.id(), null);
        }
        search.bookWritten(book.id(), book.libraryId(), fields, false);
        return new Book(book.id(), book.libraryId(), book.folder(), book.groupKey(), fields, book.addedAt(),
                Instant.ofEpochMilli(now));
    }

    @Override
    public boolean delete(long bookId) {
        return jdbc.update("book", "DELETE FROM book WHERE id = ?", s -> s.setLong(1, bookId)) > 0;
    }

    @Override
    public List<Book> list(long libraryId) {
        return jdbc.query("book", SELECT + "WHERE library_id = ? ORDER BY id", s -> s.setLong(1, libraryId),
                SqliteBookRepository::book);
    }

    @Override
    public List<BookSummary> summaries(long libraryId) {
        return librarySummaries(libraryId);
    }

    @Override
    public Optional<BookSummary> summary(long bookId) {
        return summariesWhere("book_id = ?", "id = ?", bookId).stream().findFirst();
    }

    /**
     * Page by page (by id), each page its own short read: a slow consumer (an HTTP client reading 100,000 books) holds
     * neither all of them in memory nor a read transaction open the whole time.
     */
    @Override
    public void forEachSummary(long libraryId, int pageSize, Consumer<BookSummary> each) {
        long after = Long.MIN_VALUE;
        while (true) {
            List<BookSummary> page = summariesWhere("library_id = ?",
                    "library_id = ? AND id > " + after + " ORDER BY id LIMIT " + pageSize, libraryId);
            page.forEach(each);
            if (page.size() < pageSize) {
                return;
            }
            after = page.get(page.size() - 1).id();
        }
    }

    /** Reads only columns of the covering index {@code book_summary} (migration V2): no wide rows. */
    private static final String SUMMARY_SQL = "SELECT id, library_id, title, sort_title, authors, series, added_at FROM book ";

    private record SummaryRow(long id, long libraryId, String title, String sortTitle, String authors, String series,
                              long added) {
    }

    /**
     * A 100,000-book window waits for this query: columns by position, nothing read that the grid does not show. The
     * covers and missing flags are read for the books found ({@code fileWhere}, with the first and last id read as a
     * range when there are several).
     */
    private List<BookSummary> summariesWhere(String fileWhere, String bookWhere, long value) {
        List<SummaryRow> rows = jdbc.query("book", SUMMARY_SQL + "WHERE " + bookWhere, s -> s.setLong(1, value),
                r -> new SummaryRow(r.getLong(1), r.getLong(2), r.getString(3), r.getString(4), r.getString(5),
                        r.getString(6), r.getLong(7)));
        if (rows.isEmpty()) {
            return List.of();
        }
        String range = rows.size() == 1 ? ""
                : " AND book_id BETWEEN " + rows.get(0).id() + " AND " + rows.get(rows.size() - 1).id();
        Map<Long, Long> covers = coverFiles(fileWhere + range, value);
        Set<Long> missing = booksWithoutFileOnDisk(fileWhere + range, value);
        List<BookSummary> out = new ArrayList<>(rows.size());
        Map<String, List<Contributor>> authors = new HashMap<>();
        Map<String, List<SeriesEntry>> series = new HashMap<>();
        for (SummaryRow row : rows) {
            out.add(new BookSummary(row.id(), row.libraryId(), row.title(), row.sortTitle(),
                    decoded(authors, BookField.AUTHORS, row.authors()), decoded(series, BookField.SERIES, row.series()),
                    Instant.ofEpochMilli(row.added()), covers.get(row.id()), missing.contains(row.id())));
        }
        return out;
    }

    /**
     * A library's books, read on two threads when it is large: at 250,000 books, turning rows into summaries (the
     * driver's strings, the JSON columns) took two seconds on one core while the window, already on screen, left the
     * other idle. The covers and the missing books are read meanwhile; the halves are id ranges of the covering
     * index {@code book_summary}, so neither reads the other's rows. Each helper thread takes its own connection
     * from the pool (a JDBC connection is never shared between threads). Inside a transaction everything is read on
     * the transaction's connection instead: another connection would not see its uncommitted books.
     */
    private List<BookSummary> librarySummaries(long libraryId) {
        if (jdbc.inTransaction("book")) {
            return summariesWhere("library_id = ?", "library_id = ? ORDER BY id", libraryId);
        }
        long[] range = jdbc.queryOne("book", "SELECT MIN(id), MAX(id), COUNT(*) FROM book WHERE library_id = ?",
                s -> s.setLong(1, libraryId), r -> new long[] {r.getLong(1), r.getLong(2), r.getLong(3)}).orElseThrow();
        if (range[2] <= splitAbove) {
            return summariesWhere("library_id = ?", "library_id = ? ORDER BY id", libraryId);
        }
        long middle = range[0] + (range[1] - range[0]) / 2;
        String sql = SUMMARY_SQL + "WHERE library_id = ? AND id >= ? AND id < ? ORDER BY id";
        CompletableFuture<Map<Long, Long>> covers = CompletableFuture.supplyAsync(() -> coverFiles("library_id = ?", libraryId));
        CompletableFuture<Set<Long>> missing = CompletableFuture.supplyAsync(
                () -> booksWithoutFileOnDisk("library_id = ?", libraryId));
        CompletableFuture<List<BookSummary>> upper = CompletableFuture
                .supplyAsync(() -> rows(sql, libraryId, middle, Long.MAX_VALUE))
                .thenCombine(covers.thenCombine(missing, Extras::new), (rows, extras) -> summaries(rows, extras));
        List<Object[]> lowerRows = rows(sql, libraryId, Long.MIN_VALUE, middle);
        List<BookSummary> out = new ArrayList<>(summaries(lowerRows, new Extras(join(covers), join(missing))));
        out.addAll(join(upper));
        return out;
    }

    /** What the summaries take from the file table: each book's cover file and whether all its files are gone. */
    private record Extras(Map<Long, Long> covers, Set<Long> missing) {
    }

    /** The helper's result, or the StoreException it threw (callers catch that, not CompletionException). */
    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** The summary columns of the rows in an id range, decoded (the JSON columns too) but without cover or missing. */
    private List<Object[]> rows(String sql, long libraryId, long from, long to) {
        // Books of one author (or series) share its column's text: decoded once, the list shared (it is immutable).
        Map<String, List<Contributor>> authors = new HashMap<>();
        Map<String, List<SeriesEntry>> series = new HashMap<>();
        return jdbc.query("book", sql, s -> {
            s.setLong(1, libraryId);
            s.setLong(2, from);
            s.setLong(3, to);
        }, row -> new Object[] {row.getLong(1), row.getLong(2), row.getString(3), row.getString(4),
                decoded(authors, BookField.AUTHORS, row.getString(5)), decoded(series, BookField.SERIES, row.getString(6)),
                row.getLong(7)});
    }

    private static <T> List<T> decoded(Map<String, List<T>> seen, BookField<List<T>> field, String text) {
        if (text == null) {
            return FieldCodec.decode(field, null);
        }
        List<T> known = seen.get(text);
        if (known == null) {
            known = FieldCodec.decode(field, text);
            seen.put(text, known);
        }
        return known;
    }

    private static List<BookSummary> summaries(List<Object[]> rows, Extras extras) {
        Map<Long, Long> covers = extras.covers();
        Set<Long> missing = extras.missing();
        List<BookSummary> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            long id = (Long) r[0];
            @SuppressWarnings("unchecked")
            List<Contributor> authors = (List<Contributor>) r[4];
            @SuppressWarnings("unchecked")
            List<SeriesEntry> series = (List<SeriesEntry>) r[5];
            out.add(new BookSummary(id, (Long) r[1], (String) r[2], (String) r[3], authors, series,
                    Instant.ofEpochMilli((Long) r[6]), covers.get(id), missing.contains(id)));
        }
        return out;
    }

    private record CoverRow(long bookId, long fileId, FileFormat format, String path, Track track) {
    }

    /**
     * Book id to the file whose cover stands for the book: the first in {@link FileOrder} that has one. The pairs of
     * ids come as one text ({@link Jdbc#queryIds}) from the partial index {@code book_file_cover} (V4): reading
     * 100,000 rows through the driver, each file's path decoded only to be compared with nothing, took 0.4–0.55 s
     * of a 100,000-book window's start on a shared core (now ~0.15 s). Most books have one file with a cover, and
     * that file is theirs; only the books with several are read again with what orders their files.
     */
    private Map<Long, Long> coverFiles(String where, long value) {
        long[] pairs = jdbc.queryIds("book_file", "SELECT book_id || ',' || id AS v FROM book_file "
                + "WHERE cover IS NOT NULL AND " + where, s -> s.setLong(1, value));
        Map<Long, Long> covers = new HashMap<>(pairs.length);
        boolean several = false;
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            several |= covers.put(pairs[i], pairs[i + 1]) != null;
        }
        if (several) {
            Map<Long, CoverRow> best = new HashMap<>();
            for (CoverRow row : jdbc.query("book_file", "SELECT book_id, id, format, path, disc_number, track_number "
                    + "FROM book_file WHERE cover IS NOT NULL AND " + where + " AND book_id IN (SELECT book_id FROM "
                    + "book_file WHERE cover IS NOT NULL AND " + where + " GROUP BY book_id HAVING COUNT(*) > 1)", s -> {
                        s.setLong(1, value);
                        s.setLong(2, value);
                    }, r -> new CoverRow(r.getLong(1), r.getLong(2),
                            FileFormat.valueOf(r.getString(3).toUpperCase(Locale.ROOT)), r.getString(4),
                            track(Jdbc.integer(r, "disc_number"), Jdbc.integer(r, "track_number"))))) {
                CoverRow known = best.get(row.bookId());
                if (known == null || COVER_ORDER.compare(row, known) < 0) {
                    best.put(row.bookId(), row);
                }
            }
            best.forEach((book, row) -> covers.put(book, row.fileId()));
        }
        return covers;
    }

    private static final Comparator<CoverRow> COVER_ORDER = (a, b) -> FileOrder.compare(a.format(), a.track(),
            a.path(), b.format(), b.track(), b.path());

    static Track track(Integer disc, Integer number) {
        return disc == null && number == null ? null : new Track(disc, number);
    }

    /**
     * Books all of whose files are missing. Starts from the partial index of missing files, which is empty or small,
     * so the 100,000-book window pays nothing for it.
     */
    private Set<Long> booksWithoutFileOnDisk(String where, long value) {
        return new HashSet<>(jdbc.query("book_file", "SELECT DISTINCT book_id FROM book_file f WHERE missing_since IS NOT NULL"
                + " AND " + where + " AND NOT EXISTS (SELECT 1 FROM book_file g WHERE g.book_id = f.book_id AND "
                + "g.missing_since IS NULL)", s -> s.setLong(1, value), r -> r.getLong(1)));
    }

    @Override
    public int deleteWithoutFiles(long libraryId) {
        return jdbc.update("book", "DELETE FROM book WHERE library_id = ? AND NOT EXISTS "
                + "(SELECT 1 FROM book_file f WHERE f.book_id = book.id)", s -> s.setLong(1, libraryId));
    }

    @Override
    public boolean relocate(Book book, String folder, String groupKey) {
        return jdbc.update("book", "UPDATE book SET folder = ?, group_key = ? WHERE id = ? AND NOT EXISTS "
                + "(SELECT 1 FROM book b WHERE b.library_id = ? AND b.folder = ? AND b.group_key = ?)", s -> {
                    s.setString(1, folder);
                    s.setString(2, groupKey);
                    s.setLong(3, book.id());
                    s.setLong(4, book.libraryId());
                    s.setString(5, folder);
                    s.setString(6, groupKey);
                }) == 1;
    }

    @Override
    public long count(long libraryId) {
        return jdbc.queryLong("book", "SELECT COUNT(*) FROM book WHERE library_id = ?", s -> s.setLong(1, libraryId));
    }

    /** Whether there are books but no search words: the tables of migration V5 in a database made before them. */
    boolean searchIndexEmpty() {
        return jdbc.queryLong("book", "SELECT EXISTS (SELECT 1 FROM book) AND NOT EXISTS (SELECT 1 FROM book_fts)",
                s -> { }) == 1;
    }

    /** Indexes every book again, for the search tables of migration V5 in a database made before it. */
    void reindexAll() {
        List<Long> ids = jdbc.query("book", "SELECT id FROM book ORDER BY id", s -> { }, r -> r.getLong(1));
        search.rebuild(ids, id -> find(id).orElseThrow());
    }

    private static Book book(ResultSet row) throws SQLException {
        return new Book(row.getLong("id"), row.getLong("library_id"), row.getString("folder"), row.getString("group_key"),
                FIELDS.read(row, FIRST_FIELD), Instant.ofEpochMilli(row.getLong("added_at")), Instant.ofEpochMilli(row.getLong("updated_at")));
    }
}
