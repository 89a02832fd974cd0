package app.colophon.library;

import app.colophon.model.Book;
import app.colophon.model.BookFile;
import app.colophon.model.BookSummary;
import app.colophon.model.BookWithFiles;
import app.colophon.model.ExcludedFile;
import app.colophon.model.Library;
import app.colophon.store.Database;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** Libraries, their roots and their books, for the window, the command line and the HTTP API alike. */
public final class LibraryService {

    public static final String DEFAULT_LIBRARY = "My Library";

    private final Database db;
    private final LibraryScanner scanner;
    private final LibraryWriter writer;
    private final ShelfOrders shelfOrders;

    public LibraryService(Database db, LibraryScanner scanner, ShelfOrders shelfOrders) {
        this.db = db;
        this.scanner = scanner;
        this.writer = new LibraryWriter(db);
        this.shelfOrders = shelfOrders;
    }

    /** The order the window last showed each library's books in: a hint for its next start. */
    public ShelfOrders shelfOrders() {
        return shelfOrders;
    }

    public List<Library> libraries() {
        return db.libraries().list();
    }

    public Optional<Library> library(long id) {
        return db.libraries().find(id);
    }

    /** The first library, created (empty, without roots) on first use. */
    public Library defaultLibrary() {
        // looked up outside a write first: a read-only data folder can still list its books
        return firstLibrary().orElseGet(() -> db.inTransaction(() -> firstLibrary()
                .orElseGet(() -> db.libraries().create(DEFAULT_LIBRARY))));
    }

    /** The default library if there is one yet: the first. */
    private Optional<Library> firstLibrary() {
        return db.libraries().list().stream().findFirst();
    }

    /**
     * Creates a library; when the name is taken, a number is added ("Comics 2"). A folder that overlaps a folder of
     * any library is refused ({@link FolderOverlapException}) and nothing is created.
     */
    public Library create(String name, List<Path> roots) {
        return db.inTransaction(() -> {
            for (Path root : roots) {
                Folders.checkNoOverlap(-1, root, db.libraries().list());
            }
            String unique = name;
            for (int n = 2; db.libraries().findByName(unique).isPresent(); n++) {
                unique = name + " " + n;
            }
            Library library = db.libraries().create(unique);
            for (Path root : roots) {
                library = db.libraries().addRoot(library.id(), Folders.stored(root));
            }
            return library;
        });
    }

    /** Adds folders to a library; one it already has is skipped, one that overlaps another folder is refused. */
    public Library addRoots(long libraryId, List<Path> roots) {
        return db.inTransaction(() -> {
            Library library = db.libraries().find(libraryId)
                    .orElseThrow(() -> new NotFoundException("No library with id " + libraryId));
            for (Path root : roots) {
                if (!Folders.checkNoOverlap(libraryId, root, db.libraries().list())) {
                    library = db.libraries().addRoot(libraryId, Folders.stored(root));
                }
            }
            return library;
        });
    }

    /** Every root folder of every library, with its book count. */
    public List<LibraryFolder> folders() {
        List<LibraryFolder> out = new ArrayList<>();
        for (Library library : db.libraries().list()) {
            for (Path root : library.roots()) {
                out.add(new LibraryFolder(library, root, db.files().booksUnder(library.id(), root)));
            }
        }
        return out;
    }

    /**
     * Forgets a root folder: its file records go, and the books left without files (the files on disk are never
     * touched). {@code folder} is the root as listed, or any path that resolves to it.
     */
    public Removal removeFolder(Path folder) {
        return db.inTransaction(() -> {
            LibraryFolder found = Folders.find(folder, db.libraries().list())
                    .orElseThrow(() -> new NotFoundException("No library has the folder " + Folders.stored(folder)
                            + " (see: colophon folders)"));
            long libraryId = found.library().id();
            int files = db.files().deleteUnder(libraryId, found.path());
            int books = db.books().deleteWithoutFiles(libraryId);
            db.excluded().deleteUnder(libraryId, found.path()); // a folder added again starts afresh
            db.libraries().removeRoot(libraryId, found.path());
            return new Removal(files, books);
        });
    }

    /** Deletes a library with all its records and exclusions (the files on disk are never touched). */
    public Removal removeLibrary(long libraryId) {
        return db.inTransaction(() -> {
            if (db.libraries().find(libraryId).isEmpty()) {
                throw new NotFoundException("No library with id " + libraryId);
            }
            int files = db.files().stamps(libraryId).size();
            int books = (int) db.books().count(libraryId);
            db.libraries().delete(libraryId);
            return new Removal(files, books);
        });
    }

    /**
     * Removes books from the library, in one transaction: their records and their files' records go (the files on
     * disk are never touched), and each file's path is remembered as excluded so that no scan brings it back — as
     * a new book or as the new place of a moved one — until {@link #restoreExcluded}. An unknown id changes nothing
     * ({@link NotFoundException}).
     */
    public Removal removeBooks(Collection<Long> bookIds) {
        return db.inTransaction(() -> {
            long now = System.currentTimeMillis();
            int files = 0;
            int books = 0;
            for (long bookId : new LinkedHashSet<>(bookIds)) {
                Book book = db.books().find(bookId)
                        .orElseThrow(() -> new NotFoundException("No book with id " + bookId));
                for (BookFile file : db.files().ofBook(bookId)) {
                    db.excluded().add(book.libraryId(), file.path(), now);
                    files++;
                }
                db.books().delete(bookId); // its file records go with it (foreign key)
                books++;
            }
            return new Removal(files, books);
        });
    }

    /** The files removed from one library or (null) from all, which scans skip. */
    public List<ExcludedFile> excluded(Long libraryId) {
        return db.excluded().list(libraryId);
    }

    /**
     * Forgets that {@code path} was removed, in every library: the next scan imports it again (as a new book; its
     * old values and edits went with the removal). Returns whether it was excluded.
     */
    public boolean restoreExcluded(Path path) {
        return db.inTransaction(() -> db.excluded().remove(path) + db.excluded().remove(Folders.stored(path)) > 0);
    }

    /** The files marked missing, of one library or (null) of all. */
    public List<MissingFile> missing(Long libraryId) {
        return db.files().missing(libraryId).stream()
                .map(f -> new MissingFile(f, db.books().find(f.bookId()).map(Book::title).orElse(null))).toList();
    }

    /** How many books of the library have no file on disk (every file missing). */
    public long missingBooks(long libraryId) {
        return db.files().missing(libraryId).stream().map(BookFile::bookId).distinct()
                .filter(book -> db.files().ofBook(book).stream().allMatch(BookFile::missing)).count();
    }

    /**
     * Removes the records of the missing files of one library or (null) all, and the books left without files;
     * a book that keeps other files is derived again from them.
     */
    public Removal removeMissing(Long libraryId) {
        return db.inTransaction(() -> {
            int files = 0;
            int books = 0;
            for (BookFile file : db.files().missing(libraryId)) {
                files++;
                if (writer.removeFile(file)) {
                    books++;
                }
            }
            return new Removal(files, books);
        });
    }


    /**
     * For a scan of the default library that is about to start ({@code colophon scan}): starts reading what the
     * database knows of its files. Creates nothing: without a library, the scan reads when it starts.
     */
    public void readAheadForDefaultScan() {
        try {
            firstLibrary().ifPresent(library -> scanner.readAhead(library.id()));
        } catch (RuntimeException e) {
            // only a head start: the scan reads again and meets the problem itself
        }
    }

    public ScanReport scan(long libraryId, Consumer<ScanProgress> progress, BooleanSupplier cancelled) {
        return scanner.scan(libraryId, progress, cancelled);
    }

    public List<Book> books(long libraryId) {
        return db.books().list(libraryId);
    }

    /** What the grid and list show, for every book of the library. */
    public List<BookSummary> summaries(long libraryId) {
        return db.books().summaries(libraryId);
    }

    /**
     * The same summaries one by one, as they are read, for output that streams them (the command line's and the API's
     * book lists): a library of 100,000 books is never held in memory at once.
     */
    public void forEachSummary(long libraryId, Consumer<BookSummary> each) {
        db.books().forEachSummary(libraryId, 1_000, each);
    }

    /**
     * The ids, ascending, of the library's books that match a query in the search language ({@link SearchQuery});
     * a blank query matches every book. A malformed query throws {@link InvalidValueException} saying why.
     */
    public Set<Long> search(long libraryId, String query) {
        return db.search().ids(libraryId, SearchQuery.parse(query).terms());
    }

    /** The browser's lists of the library with their counts of books, each with the query that finds them. */
    public Facets facets(long libraryId) {
        return FacetLists.of(db.search(), libraryId);
    }

    public Optional<BookSummary> summary(long bookId) {
        return db.books().summary(bookId);
    }

    public Optional<BookWithFiles> book(long bookId) {
        return db.books().find(bookId).map(b -> new BookWithFiles(b, db.files().ofBook(bookId)));
    }

    public Optional<BookWithFiles> bookOfFile(long fileId) {
        return db.files().find(fileId).flatMap(f -> book(f.bookId()));
    }
}
