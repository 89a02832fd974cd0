package app.colophon.store;

import app.colophon.model.Book;
import app.colophon.model.BookField;
import app.colophon.model.BookSummary;
import app.colophon.model.Contributor;
import app.colophon.model.FileFormat;
import app.colophon.model.FileOrder;
import app.colophon.model.Track;
import app.colophon.model.SeriesEntry;
import app.colophon.model.FieldValues;
import com.j256.ormlite.dao.Dao;
import com.j256.ormlite.dao.DaoManager;
import com.j256.ormlite.stmt.SelectArg;
import com.j256.ormlite.jdbc.JdbcDatabaseConnection;
import com.j256.ormlite.support.ConnectionSource;
import com.j256.ormlite.support.DatabaseConnection;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.Locale;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import static app.colophon.store.OrmliteLibraryRepository.call;

final class OrmliteBookRepository implements BookRepository {

    private final Dao<BookRow, Long> books;
    private final ConnectionSource connections;

    OrmliteBookRepository(ConnectionSource connections) throws SQLException {
        this.books = DaoManager.createDao(connections, BookRow.class);
        this.connections = connections;
    }

    @Override
    public Optional<Book> find(long id) {
        return call(() -> Optional.ofNullable(books.queryForId(id)).map(RowMapper::toBook));
    }

    @Override
    public Optional<Book> findByGroup(long libraryId, String folder, String groupKey) {
        return call(() -> books.queryBuilder().where().eq("library_id", new SelectArg(libraryId)).and().eq("folder", new SelectArg(folder))
                .and().eq("group_key", new SelectArg(groupKey)).query().stream().findFirst().map(RowMapper::toBook));
    }

    @Override
    public Book insert(long libraryId, String folder, String groupKey, FieldValues<BookField> fields) {
        return call(() -> {
            BookRow row = new BookRow();
            row.libraryId = libraryId;
            row.folder = folder;
            row.groupKey = groupKey;
            RowMapper.copyFields(fields, row);
            row.addedAt = System.currentTimeMillis();
            row.updatedAt = row.addedAt;
            books.create(row);
            return RowMapper.toBook(row);
        });
    }

    @Override
    public Book updateFields(Book book, FieldValues<BookField> fields) {
        return call(() -> {
            // Built from the book in hand rather than read again: this runs once per file of a scan.
            BookRow row = new BookRow();
            row.id = book.id();
            row.libraryId = book.libraryId();
            row.folder = book.folder();
            row.groupKey = book.groupKey();
            row.addedAt = book.addedAt().toEpochMilli();
            RowMapper.copyFields(fields, row);
            row.updatedAt = System.currentTimeMillis();
            if (books.update(row) != 1) {
                throw new StoreException("No book " + book.id(), null);
            }
            return RowMapper.toBook(row);
        });
    }

    @Override
    public boolean delete(long bookId) {
        return call(() -> books.deleteById(bookId) > 0);
    }

    @Override
    public List<Book> list(long libraryId) {
        return call(() -> books.queryBuilder().orderBy("id", true).where().eq("library_id", new SelectArg(libraryId)).query()
                .stream().map(RowMapper::toBook).toList());
    }

    @Override
    public List<BookSummary> summaries(long libraryId) {
        return call(() -> summariesWhere("library_id = ?", "library_id = ? ORDER BY id", libraryId));
    }

    @Override
    public Optional<BookSummary> summary(long bookId) {
        return call(() -> summariesWhere("book_id = ?", "id = ?", bookId).stream().findFirst());
    }

    /**
     * Page by page (by id), each page its own short read: a slow consumer (an HTTP client reading 100,000 books) holds
     * neither all of them in memory nor a read transaction open the whole time.
     */
    @Override
    public void forEachSummary(long libraryId, int pageSize, Consumer<BookSummary> each) {
        long after = Long.MIN_VALUE;
        while (true) {
            long from = after;
            List<BookSummary> page = call(() -> summariesWhere("library_id = ?",
                    "library_id = ? AND id > " + from + " ORDER BY id LIMIT " + pageSize, libraryId));
            page.forEach(each);
            if (page.size() < pageSize) {
                return;
            }
            after = page.get(page.size() - 1).id();
        }
    }

    /**
     * Straight JDBC rather than ORMLite's raw-row mapping: a 100,000-book window waits for this query, and turning
     * every column into a String first cost as much again as SQLite's own work. The covers and missing flags are read
     * for the books found ({@code coverWhere}, with the first and last id read appended as a range when there are many).
     */
    @SuppressWarnings("unchecked")
    private List<BookSummary> summariesWhere(String coverWhere, String bookWhere, long value) throws SQLException {
        record Row(long id, long libraryId, String title, String sortTitle, String authors, String series, long added) {
        }
        List<Row> rows = new ArrayList<>();
        DatabaseConnection connection = connections.getReadOnlyConnection("book");
        try (PreparedStatement select = ((JdbcDatabaseConnection) connection).getUnderlyingConnection()
                .prepareStatement(SUMMARY_SQL + "WHERE " + bookWhere)) {
            select.setLong(1, value);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    rows.add(new Row(r.getLong(1), r.getLong(2), r.getString(3), r.getString(4), r.getString(5),
                            r.getString(6), r.getLong(7)));
                }
            }
        } finally {
            connections.releaseConnection(connection);
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        String range = rows.size() == 1 ? "" : " AND book_id BETWEEN " + rows.get(0).id() + " AND " + rows.get(rows.size() - 1).id();
        Map<Long, Long> covers = coverFiles(coverWhere + range, value);
        Set<Long> missing = booksWithoutFileOnDisk(coverWhere + range, value);
        List<BookSummary> out = new ArrayList<>(rows.size());
        for (Row row : rows) {
            out.add(new BookSummary(row.id(), row.libraryId(), row.title(), row.sortTitle(),
                    (List<Contributor>) FieldCodec.decode(BookField.AUTHORS, row.authors()),
                    (List<SeriesEntry>) FieldCodec.decode(BookField.SERIES, row.series()),
                    Instant.ofEpochMilli(row.added()), covers.get(row.id()), missing.contains(row.id())));
        }
        return out;
    }

    /** Reads only columns of the covering index {@code book_summary} (migration V2): no wide rows. */
    private static final String SUMMARY_SQL = "SELECT id, library_id, title, sort_title, authors, series, added_at FROM book ";

    /**
     * Book id to the file whose cover stands for the book: the first in {@link FileOrder} that has one. One pass over
     * the partial index {@code book_file_cover} (V4) instead of a sorted subquery per book.
     */
    private Map<Long, Long> coverFiles(String where, long value) throws SQLException {
        Map<Long, String[]> best = new HashMap<>();
        for (String[] row : books.queryRaw("SELECT book_id, id, format, path, disc_number, track_number FROM book_file "
                + "WHERE cover IS NOT NULL AND " + where, String.valueOf(value))) {
            Long bookId = Long.valueOf(row[0]);
            String[] known = best.get(bookId);
            if (known == null || COVER_ORDER.compare(row, known) < 0) {
                best.put(bookId, row);
            }
        }
        Map<Long, Long> covers = new HashMap<>(best.size() * 2);
        best.forEach((book, row) -> covers.put(book, Long.valueOf(row[1])));
        return covers;
    }

    /**
     * Books all of whose files are missing. Starts from the partial index of missing files, which is empty or small,
     * so the 100,000-book window pays nothing for it.
     */
    private Set<Long> booksWithoutFileOnDisk(String where, long value) throws SQLException {
        Set<Long> ids = new HashSet<>();
        for (String[] row : books.queryRaw("SELECT DISTINCT book_id FROM book_file f WHERE missing_since IS NOT NULL AND "
                + where + " AND NOT EXISTS (SELECT 1 FROM book_file g WHERE g.book_id = f.book_id AND g.missing_since IS NULL)",
                String.valueOf(value))) {
            ids.add(Long.valueOf(row[0]));
        }
        return ids;
    }

    /** {@link FileOrder} on the rows of {@link #coverFiles}: the grid shows the cover the detail window shows. */
    private static final Comparator<String[]> COVER_ORDER = (a, b) -> FileOrder.compare(format(a), track(a), a[3],
            format(b), track(b), b[3]);

    private static FileFormat format(String[] row) {
        return FileFormat.valueOf(row[2].toUpperCase(Locale.ROOT));
    }

    private static Track track(String[] row) {
        return row[4] == null && row[5] == null ? null : new Track(row[4] == null ? null : Integer.valueOf(row[4]),
                row[5] == null ? null : Integer.valueOf(row[5]));
    }

    @Override
    public int deleteWithoutFiles(long libraryId) {
        return call(() -> books.updateRaw("DELETE FROM book WHERE library_id = ? AND NOT EXISTS "
                + "(SELECT 1 FROM book_file f WHERE f.book_id = book.id)", String.valueOf(libraryId)));
    }

    @Override
    public boolean relocate(Book book, String folder, String groupKey) {
        return call(() -> books.updateRaw("UPDATE book SET folder = ?, group_key = ? WHERE id = ? AND NOT EXISTS "
                        + "(SELECT 1 FROM book b WHERE b.library_id = ? AND b.folder = ? AND b.group_key = ?)",
                folder, groupKey, String.valueOf(book.id()), String.valueOf(book.libraryId()), folder, groupKey) == 1);
    }

    @Override
    public long count(long libraryId) {
        return call(() -> books.queryBuilder().where().eq("library_id", new SelectArg(libraryId)).countOf());
    }
}
