package app.colophon.library;

import app.colophon.testsupport.Corpus;
import app.colophon.testsupport.TestLibrary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The walk a command line starts before the database is open, and the one scan that may take it. */
class EarlyWalkTest {

    @TempDir
    Path temp;

    private TestLibrary lib;

    @BeforeEach
    void open() {
        lib = TestLibrary.create(temp);
        Corpus.copy("epub/stump-book.epub", lib.root);
    }

    @AfterEach
    void close() {
        EarlyWalk.take(List.of()); // nothing a test started stands for the disk in the next one
        lib.close();
    }

    @Test
    void theScanOfExactlyTheWalkedRootsListsWhatTheEarlyWalkListed() throws Exception {
        EarlyWalk.start(List.of(lib.root)).join();
        Corpus.copy("pdf/pysf-GeoTopo-komprimiert.pdf", lib.root); // after the walk: that scan does not see it

        assertThat(lib.scan().booksAdded()).isEqualTo(1);
        assertThat(lib.scan().booksAdded()).as("the next scan walks again").isEqualTo(1);
    }

    @Test
    void anEarlyWalkOfOtherFoldersIsDroppedNotTaken() throws Exception {
        Path other = Files.createDirectories(temp.resolve("other"));
        EarlyWalk.start(List.of(other)).join();

        assertThat(EarlyWalk.take(List.of(lib.root))).isEmpty();
        assertThat(EarlyWalk.take(List.of(other))).as("dropped, not kept for a later scan").isEmpty();
    }

    @Test
    void anEarlyWalkIsTakenOnceAndListsWhatAWalkLists() {
        EarlyWalk.start(List.of(lib.root));

        assertThat(EarlyWalk.take(List.of(lib.root))).get()
                .extracting(LibraryWalker.Listing::files).isEqualTo(LibraryWalker.walk(List.of(lib.root)).files());
        assertThat(EarlyWalk.take(List.of(lib.root))).isEmpty();
    }

    @Test
    void foldersAreWalkedAsAScanStoresThem() {
        Path relative = Path.of("").toAbsolutePath().relativize(lib.root.toAbsolutePath());
        EarlyWalk.start(List.of(relative.resolve(".")));

        assertThat(EarlyWalk.take(List.of(lib.root))).isPresent();
    }
}
