package app.colophon.reliability;

import app.colophon.model.Edits;
import app.colophon.formats.FormatReader;
import app.colophon.formats.FormatReaders;
import app.colophon.formats.MetadataParseException;
import app.colophon.formats.ParsedMetadata;
import app.colophon.library.LibraryScanner;
import app.colophon.library.MetadataEditor;
import app.colophon.library.MetadataExtractor;
import app.colophon.library.ResyncMode;
import app.colophon.library.ResyncResult;
import app.colophon.library.ResyncService;
import app.colophon.library.ScanReport;
import app.colophon.library.ScanTuning;
import app.colophon.model.Book;
import app.colophon.model.BookField;
import app.colophon.model.BookFile;
import app.colophon.model.FileFormat;
import app.colophon.model.Library;
import app.colophon.model.Source;
import app.colophon.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN §5 under load: 1,000 resyncs — books and files, "scan" and "refresh" — from 4 threads while a library
 * scan rereads the very same books and imports 1,000 new ones. No call may fail (no "database is locked", nothing at
 * all), and every value must end as the rules say: a manual title survives scans, a refresh replaces it.
 */
class ConcurrentResyncStressTest {

    private static final int BOOKS = 250;
    private static final int TWINS = 50;
    private static final int NEW_FILES = 1_000;
    private static final int RESYNCS = 1_000;
    private static final int THREADS = 4;

    @TempDir
    Path temp;

    private Database db;
    private Library library;
    private Path root;
    private final List<Long> bookIds = new ArrayList<>();

    @BeforeEach
    void editedLibraryWhoseFilesChanged() {
        root = temp.resolve("books");
        db = Database.open(temp.resolve("data/colophon.db"));
        library = db.libraries().addRoot(db.libraries().create("Library").id(), root);
        for (int i = 0; i < BOOKS; i++) {
            SampleBooks.epub(root.resolve("book-" + i + ".epub"), "Old " + i, "Author " + i);
            if (i < TWINS) {
                SampleBooks.pdf(root.resolve("book-" + i + ".pdf"), "Old " + i, "Author " + i);
            }
        }
        scanner(() -> { }, () -> { }).scan(library.id(), p -> { }, () -> false);
        MetadataEditor editor = new MetadataEditor(db);
        for (int i = 0; i < BOOKS; i++) {
            long id = bookOf("book-" + i + ".epub").bookId();
            bookIds.add(id);
            editor.editBook(id, Edits.ofBook().set(BookField.TITLE, "Mine: Old " + i));
        }
        // every book's files change (new author) and 1,000 new books arrive: the scan has work on the same books
        for (int i = 0; i < BOOKS; i++) {
            SampleBooks.epub(root.resolve("book-" + i + ".epub"), "Old " + i, "New Author " + i);
        }
        for (int i = 0; i < NEW_FILES; i++) {
            SampleBooks.epub(root.resolve("new").resolve("new-" + i + ".epub"), "New " + i, "N");
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aThousandResyncsFromFourThreadsDuringAScanAllSucceedWithTheRightValues() throws Exception {
        ResyncService resync = new ResyncService(db, new MetadataExtractor(FormatReaders.standard()));
        List<Runnable> work = resyncs(resync);
        CountDownLatch resyncsDone = new CountDownLatch(1);
        CountDownLatch scanReading = new CountDownLatch(1);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger duringScan = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS + 1);
        try {
            // the scan's last read waits for the resyncs, so every one of them runs while the scan runs
            // the resyncs wait for the scan's first read: by then it has listed the files and their stamps, so it
            // reads all 1,250 changed and new files even where a resync has already stored the new version
            Future<ScanReport> scan = threads.submit(() -> scanner(scanReading::countDown, () -> await(resyncsDone))
                    .scan(library.id(), p -> { }, () -> false));
            await(scanReading);
            ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>(work);
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                workers.add(threads.submit(() -> {
                    Runnable r;
                    while ((r = queue.poll()) != null) {
                        try {
                            r.run();
                            if (!scan.isDone()) {
                                duringScan.incrementAndGet();
                            }
                        } catch (Throwable e) {
                            failures.add(e);
                        }
                    }
                }));
            }
            for (Future<?> w : workers) {
                w.get(3, TimeUnit.MINUTES);
            }
            resyncsDone.countDown();
            ScanReport report = scan.get(3, TimeUnit.MINUTES);

            assertThat(failures).as("resyncs that failed").isEmpty();
            assertThat(duringScan.get()).isEqualTo(RESYNCS);
            assertThat(report.errors()).isEmpty();
            assertThat(report.booksAdded()).isEqualTo(NEW_FILES);
            long locked = failures.stream().filter(e -> String.valueOf(e.getMessage()).contains("locked")).count();
            System.out.printf("RELIABILITY concurrency\t%d resyncs from %d threads during a scan of %d files\t"
                    + "failed=%d locked=%d scan errors=%d%n", RESYNCS, THREADS, report.filesRead(), failures.size(),
                    locked, report.filesFailed());
        } finally {
            resyncsDone.countDown();
            threads.shutdownNow();
        }

        assertThat(db.books().list(library.id())).hasSize(BOOKS + NEW_FILES);
        for (int i = 0; i < BOOKS; i++) {
            Book book = db.books().find(bookIds.get(i)).orElseThrow();
            assertThat(book.authors()).extracting("name").as("book %d", i).containsExactly("New Author " + i);
            if (refreshed(i)) {
                assertThat(book.title()).as("book %d, refreshed", i).isEqualTo("Old " + i);
                assertThat(book.fields().source(BookField.TITLE)).isEqualTo(Source.FILE_METADATA);
            } else {
                assertThat(book.title()).as("book %d, only scanned", i).isEqualTo("Mine: Old " + i);
                assertThat(book.fields().source(BookField.TITLE)).isEqualTo(Source.MANUAL);
            }
            assertThat(db.files().ofBook(book.id())).hasSize(i < TWINS ? 2 : 1).allSatisfy(f -> assertThat(f.error()).isNull());
        }
    }

    /** Odd books get at least one refresh; even books only ever "scan for new metadata", which keeps the edit. */
    private static boolean refreshed(int book) {
        return book % 2 == 1;
    }

    /** Four resyncs per book, of both kinds, on the book and on its files, in a shuffled order. */
    private List<Runnable> resyncs(ResyncService resync) {
        List<Runnable> work = new ArrayList<>();
        for (int n = 0; n < RESYNCS; n++) {
            int i = n % BOOKS;
            int round = n / BOOKS;
            long bookId = bookIds.get(i);
            ResyncMode mode = refreshed(i) && round != 2 ? ResyncMode.REFRESH : ResyncMode.SCAN;
            if (round % 2 == 0) {
                work.add(() -> assertThat(resync.resyncBook(bookId, mode)).isInstanceOf(ResyncResult.Updated.class));
            } else {
                List<BookFile> files = db.files().ofBook(bookId);
                long fileId = files.get(round / 2 % files.size()).id();
                work.add(() -> assertThat(resync.resyncFile(fileId, mode)).isInstanceOf(ResyncResult.Updated.class));
            }
        }
        Collections.shuffle(work, new Random(42));
        assertThat(work).hasSize(RESYNCS);
        return work;
    }

    /** A scanner whose reads are the real ones, but the first read runs {@code atFirst}, the last {@code beforeLast}. */
    private LibraryScanner scanner(Runnable atFirst, Runnable beforeLast) {
        AtomicInteger started = new AtomicInteger();
        int total = BOOKS + NEW_FILES; // what the scan under test reads: the changed EPUBs and the new files
        List<FormatReader> readers = new ArrayList<>();
        for (FileFormat format : List.of(FileFormat.EPUB, FileFormat.CBZ, FileFormat.M4B, FileFormat.PDF)) {
            FormatReader real = FormatReaders.standard().forFormat(format);
            readers.add(new FormatReader() {
                @Override
                public FileFormat format() {
                    return format;
                }

                @Override
                public ParsedMetadata read(Path file) throws MetadataParseException {
                    int n = started.incrementAndGet();
                    if (n == 1) {
                        atFirst.run();
                    }
                    if (n == total) {
                        beforeLast.run();
                    }
                    return real.read(file);
                }
            });
        }
        return new LibraryScanner(db, new MetadataExtractor(new FormatReaders(readers)),
                new ScanTuning(2, 100, Duration.ofMillis(100), Duration.ofMinutes(5)));
    }

    private BookFile bookOf(String fileName) {
        return db.files().findByPath(library.id(), root.resolve(fileName).toAbsolutePath()).orElseThrow();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(3, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
