package app.colophon.testsupport;

import app.colophon.library.Colophon;
import app.colophon.library.ScanReport;
import app.colophon.library.ScanTuning;
import app.colophon.model.Book;
import app.colophon.model.BookFile;
import app.colophon.model.BookWithFiles;
import app.colophon.model.Library;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A real Colophon (real SQLite file) over a folder of test files, both under a JUnit temp dir. */
public final class TestLibrary implements AutoCloseable {

    private static final ScanTuning TUNING = new ScanTuning(2, 50, Duration.ofMillis(200), Duration.ofSeconds(30));

    public final Path root;
    public final Colophon app;
    public final Library library;

    private TestLibrary(Path root, Colophon app, Library library) {
        this.root = root;
        this.app = app;
        this.library = library;
    }

    /** {@code temp/books} is the library root, {@code temp/data} the data folder. */
    public static TestLibrary create(Path temp) {
        Path root = temp.resolve("books");
        root.toFile().mkdirs();
        Colophon app = Colophon.open(temp.resolve("data"), TUNING);
        Library library = app.libraries().create("Test", List.of(root));
        return new TestLibrary(root, app, library);
    }

    /** The same library and data folder, opened again (after {@link #close}). */
    public static TestLibrary reopen(Path temp, Library library) {
        return new TestLibrary(temp.resolve("books"), Colophon.open(temp.resolve("data"), TUNING), library);
    }

    public ScanReport scan() {
        return app.libraries().scan(library.id(), p -> { }, () -> false);
    }

    public List<Book> books() {
        return app.libraries().books(library.id());
    }

    public Book bookTitled(String title) {
        return books().stream().filter(b -> title.equals(b.title())).findFirst()
                .orElseThrow(() -> new AssertionError("no book titled " + title + " in " + books().stream().map(Book::title).toList()));
    }

    public BookWithFiles book(long id) {
        return app.libraries().book(id).orElseThrow(() -> new AssertionError("no book " + id));
    }

    public Optional<BookWithFiles> findBook(long id) {
        return app.libraries().book(id);
    }

    public BookFile fileAt(Path path) {
        return books().stream().flatMap(b -> book(b.id()).files().stream())
                .filter(f -> f.path().equals(path.toAbsolutePath())).findFirst()
                .orElseThrow(() -> new AssertionError("no file record for " + path));
    }

    @Override
    public void close() {
        app.close();
    }
}
