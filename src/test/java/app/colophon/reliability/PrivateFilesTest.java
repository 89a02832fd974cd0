package app.colophon.reliability;

import app.colophon.library.Colophon;
import app.colophon.testsupport.Epubs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static app.colophon.reliability.Sandbox.colophon;
import static org.assertj.core.api.Assertions.assertThat;

/** What Colophon writes about someone's reading is theirs alone: folder 700, database, WAL and log 600. */
class PrivateFilesTest {

    @TempDir
    Path temp;

    @Test
    void aNewDataFolderIsOwnerOnlyAndSoAreTheDatabaseAndItsWal() throws IOException {
        Path data = temp.resolve("new").resolve("data");
        Path books = Files.createDirectories(temp.resolve("books"));
        Epubs.write(books.resolve("Dune.epub"), "Dune", "Frank Herbert");
        try (Colophon app = Colophon.open(data)) {
            app.libraries().create("Books", List.of(books));

            assertThat(mode(temp.resolve("new"))).isEqualTo("rwx------");
            assertThat(mode(data)).isEqualTo("rwx------");
            for (String name : new String[] {"colophon.db", "colophon.db-wal", "colophon.db-shm"}) {
                assertThat(mode(data.resolve(name))).as(name).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void aDatabaseLeftReadableByOthersIsMadeOwnerOnlyWhenOpened() throws IOException {
        Path data = temp.resolve("data");
        Colophon.open(data).close();
        Files.setPosixFilePermissions(data.resolve("colophon.db"), PosixFilePermissions.fromString("rw-r--r--"));

        Colophon.open(data).close();

        assertThat(mode(data.resolve("colophon.db"))).isEqualTo("rw-------");
    }

    @Test
    void theLogFolderAndTheLogAreOwnerOnly() throws IOException {
        Path data = temp.resolve("data");

        Sandbox.Run run = Sandbox.shell(colophon("--data-dir", data.toString(), "books"));

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(mode(data)).isEqualTo("rwx------");
        assertThat(mode(data.resolve("logs"))).isEqualTo("rwx------");
        assertThat(mode(data.resolve("logs").resolve("colophon.log"))).isEqualTo("rw-------");
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
