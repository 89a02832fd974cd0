package app.colophon.reliability;

import app.colophon.testsupport.Epubs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static app.colophon.reliability.Sandbox.colophon;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log of the installed app (no test configuration on the class path): {@code logs/colophon.log} in the data
 * folder, one line per event with its time, level, thread and logger, and nothing of the logging's own on stderr.
 */
class LogFileTest {

    @TempDir
    Path temp;

    @Test
    void aWarningOfACommandIsWrittenToTheLogAndNotToStderr() throws IOException {
        Path books = Files.createDirectories(temp.resolve("books"));
        Epubs.write(books.resolve("Dune.epub"), "Dune", "Frank Herbert");
        Path data = temp.resolve("data");

        Sandbox.Run run = Sandbox.shell("cd " + Sandbox.quote(books.toString())
                + " && cp Dune.epub \"$(printf 'caf\\351').epub\" && "
                + colophon("--data-dir", data.toString(), "scan", books.toString()));

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stderr()).isEmpty();
        assertThat(Files.readAllLines(data.resolve("logs").resolve("colophon.log"))).singleElement().asString()
                .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} WARN  \\[[^]]+] app\\.colophon\\.library\\.LibraryWalker - "
                        + "Skipping .*/books/caf.\\.epub: its name is not valid in the file name encoding");
    }

    @Test
    void eachCommandAddsToTheLogItsOwnLines() throws IOException {
        Path books = Files.createDirectories(temp.resolve("books"));
        Epubs.write(books.resolve("Dune.epub"), "Dune", "Frank Herbert");
        Path data = temp.resolve("data");
        String badName = "cd " + Sandbox.quote(books.toString()) + " && cp Dune.epub \"$(printf 'caf\\351').epub\"";

        Sandbox.Run run = Sandbox.shell(badName + " && " + colophon("--data-dir", data.toString(), "scan", books.toString())
                + " && " + colophon("--data-dir", data.toString(), "books") + " && "
                + colophon("--data-dir", data.toString(), "scan"));

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(Files.readAllLines(data.resolve("logs").resolve("colophon.log")))
                .as("one warning from each scan, none from the listing").hasSize(2)
                .allSatisfy(line -> assertThat(line).contains(" WARN  ").endsWith("not valid in the file name encoding"));
    }
}
