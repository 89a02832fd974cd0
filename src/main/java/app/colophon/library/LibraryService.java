package app.colophon.library;

import app.colophon.model.Book;
import app.colophon.model.BookSummary;
import app.colophon.model.BookWithFiles;
import app.colophon.model.Library;
import app.colophon.store.Database;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** Libraries, their roots and their books, for the window, the command line and the HTTP API alike. */
public final class LibraryService {

    public static final String DEFAULT_LIBRARY = "My Library";

    private final Database db;
    private final LibraryScanner scanner;

    public LibraryService(Database db, LibraryScanner scanner) {
        this.db = db;
        this.scanner = scanner;
    }

    public List<Library> libraries() {
        return db.libraries().list();
    }

    public Optional<Library> library(long id) {
        return db.libraries().find(id);
    }

    /** The first library, created (empty, without roots) on first use. */
    public Library defaultLibrary() {
        return db.inTransaction(() -> db.libraries().list().stream().findFirst()
                .orElseGet(() -> db.libraries().create(DEFAULT_LIBRARY)));
    }

    /** Creates a library; when the name is taken, a number is added ("Comics 2"). */
    public Library create(String name, List<Path> roots) {
        return db.inTransaction(() -> {
            String unique = name;
            for (int n = 2; db.libraries().findByName(unique).isPresent(); n++) {
                unique = name + " " + n;
            }
            Library library = db.libraries().create(unique);
            for (Path root : roots) {
                library = db.libraries().addRoot(library.id(), root);
            }
            return library;
        });
    }

    public Library addRoots(long libraryId, List<Path> roots) {
        return db.inTransaction(() -> {
            Library library = db.libraries().find(libraryId)
                    .orElseThrow(() -> new NotFoundException("No library with id " + libraryId));
            for (Path root : roots) {
                library = db.libraries().addRoot(libraryId, root);
            }
            return library;
        });
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
