package app.colophon.reliability;

import app.colophon.testsupport.Epubs;
import app.colophon.testsupport.TestLibrary;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

import static app.colophon.reliability.Sandbox.colophon;
import static app.colophon.reliability.Sandbox.quote;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The machine's trouble, met by the command line as a user meets it (a child process on the production class path):
 * a disk that fills up (a 4 MB tmpfs in a private mount namespace), a data folder that cannot be written (a read-only
 * bind mount of it), a log that cannot be opened. Each gets one clear line on stderr, and stdout stays the command's.
 */
class MachineTroubleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void aFullDiskIsReportedAsDiskFullWithItsOwnExitCodeAndTheDatabaseStaysReadable() throws IOException {
        Path books = Files.createDirectories(temp.resolve("books"));
        Random random = new Random(17);
        for (int i = 0; i < 30; i++) {
            // descriptions of 200,000 random letters: they do not compress, so each book needs its room on disk
            StringBuilder text = new StringBuilder();
            for (int c = 0; c < 200_000; c++) {
                text.append((char) ('a' + random.nextInt(26)));
            }
            Epubs.writeOpf(books.resolve("book-" + i + ".epub"), "<dc:title>Book " + i + "</dc:title><dc:description>"
                    + text + "</dc:description>");
        }
        Path disk = Files.createDirectories(temp.resolve("disk"));
        Path data = disk.resolve("data");

        Sandbox.Run run = Sandbox.inNamespace("mount -t tmpfs -o size=4m tmpfs " + quote(disk.toString()) + " && "
                + colophon("--data-dir", data.toString(), "scan", books.toString()) + "; echo \"exit $?\"; "
                + colophon("--data-dir", data.toString(), "books", "--json"));

        assertThat(run.stderr()).isEqualTo("colophon: Disk full while writing the library database (" + data.resolve("colophon.db")
                + "); free some space and try again\n");
        assertThat(run.stdout()).contains("exit 6\n");
        JsonNode listed = JSON.readTree(run.stdout().substring(run.stdout().indexOf("exit 6\n") + 7));
        assertThat(listed.isArray()).isTrue();
        assertThat(listed.size()).isLessThan(30);
        System.out.printf(Locale.ROOT, "RELIABILITY machine\tscan of 30 books onto a full 4 MB disk\texit 6, \"Disk full …\"; "
                + "afterwards books --json lists the %d committed before%n", listed.size());
    }

    @Test
    void aReadOnlyDataFolderListsItsBooksAndRefusesEveryWrite() throws IOException {
        Path data;
        String dune;
        try (TestLibrary lib = TestLibrary.create(temp)) {
            for (String title : new String[] {"Dune", "Emma", "Kim"}) {
                Epubs.write(lib.root.resolve(title + ".epub"), title, "Someone");
            }
            lib.scan();
            data = lib.app.dataDir();
            dune = Long.toString(lib.bookTitled("Dune").id());
        }
        String dataDir = data.toString();

        Sandbox.Run run = Sandbox.inNamespace("mount --bind -o ro " + quote(dataDir) + " " + quote(dataDir) + " && "
                + colophon("--data-dir", dataDir, "books", "--json") + "; echo \"exit $?\"; "
                + colophon("--data-dir", dataDir, "book", dune) + " >/dev/null; echo \"exit $?\"; "
                + colophon("--data-dir", dataDir, "edit", "book", dune, "--title", "Mine") + "; echo \"exit $?\"; "
                + colophon("--data-dir", dataDir, "resync", "book", dune) + "; echo \"exit $?\"");

        String[] parts = run.stdout().split("exit ");
        assertThat(JSON.readTree(parts[0]).size()).isEqualTo(3);
        assertThat(run.stdout()).endsWith("exit 0\nexit 0\nexit 1\nexit 1\n");
        String refused = "colophon: The data folder " + dataDir + " is read-only; Colophon can show the library but not change it";
        String noLog = "colophon: cannot write the log " + data.resolve("logs").resolve("colophon.log")
                + " (Read-only file system); warnings and errors go to stderr";
        assertThat(run.stderr().lines()).containsExactly(noLog, noLog, noLog, refused, noLog, refused);
        try (TestLibrary again = TestLibrary.reopen(temp, null)) {
            assertThat(again.app.libraries().book(Long.parseLong(dune)).orElseThrow().book().title()).isEqualTo("Dune");
        }
    }

    @Test
    void theApiOfAReadOnlyDataFolderAnswersReadsAndRefusesResyncsWith507() throws Exception {
        Path data;
        long dune;
        try (TestLibrary lib = TestLibrary.create(temp)) {
            Epubs.write(lib.root.resolve("Dune.epub"), "Dune", "Frank Herbert");
            lib.scan();
            data = lib.app.dataDir();
            dune = lib.bookTitled("Dune").id();
            app.colophon.api.ApiServer.start(lib.app, 0).close(); // the token exists before the folder becomes read-only
        }
        String token = Files.readString(data.resolve("api-token")).strip();
        Process serve = Sandbox.startInNamespace("mount --bind -o ro " + quote(data.toString()) + " " + quote(data.toString())
                + " && exec " + colophon("--data-dir", data.toString(), "serve", "--port", "0"), temp.resolve("serve.err"));
        try {
            String listening = new java.io.BufferedReader(new java.io.InputStreamReader(serve.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8)).readLine();
            assertThat(listening).as("first line of serve; stderr: %s", Files.readString(temp.resolve("serve.err")))
                    .startsWith("Colophon API listening on http://127.0.0.1:");
            java.net.URI api = java.net.URI.create(listening.split(" ")[4]);
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();

            java.net.http.HttpResponse<String> books = http.send(java.net.http.HttpRequest.newBuilder(api.resolve("books"))
                    .header("Authorization", "Bearer " + token).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            java.net.http.HttpResponse<String> resync = http.send(java.net.http.HttpRequest.newBuilder(
                    api.resolve("books/" + dune + "/resync")).header("Authorization", "Bearer " + token)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());

            assertThat(books.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(books.body()).get(0).get("title").asText()).isEqualTo("Dune");
            assertThat(resync.statusCode()).isEqualTo(507);
            assertThat(JSON.readTree(resync.body()).get("error").asText())
                    .isEqualTo("The data folder " + data + " is read-only; Colophon can show the library but not change it");
        } finally {
            serve.destroy();
            serve.waitFor();
        }
    }

    @Test
    void aLogThatCannotBeOpenedLeavesStdoutToTheJsonAndSaysSoInOneLine() throws IOException {
        Path data;
        try (TestLibrary lib = TestLibrary.create(temp)) {
            Epubs.write(lib.root.resolve("Dune.epub"), "Dune", "Frank Herbert");
            lib.scan();
            data = lib.app.dataDir();
        }
        Files.writeString(data.resolve("logs"), "a file where the log folder should be");

        Sandbox.Run run = Sandbox.shell(colophon("--data-dir", data.toString(), "books", "--json"));

        assertThat(run.exitCode()).isZero();
        assertThat(JSON.readTree(run.stdout()).get(0).get("title").asText()).isEqualTo("Dune");
        assertThat(run.stderr().lines()).singleElement().asString()
                .startsWith("colophon: cannot write the log " + data.resolve("logs").resolve("colophon.log") + " (")
                .endsWith("); warnings and errors go to stderr");
    }
}
