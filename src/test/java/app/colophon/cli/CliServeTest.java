package app.colophon.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code colophon serve}: starts the local HTTP API, says where it is, answers, and stops when interrupted. */
class CliServeTest extends CliTest {

    private static final Pattern LISTENING =
            Pattern.compile("Colophon API listening on (http://127\\.0\\.0\\.1:(\\d+)/) — token in (.+)");

    @Test
    void serveOnPortZeroStartsAnswersAndStopsWhenInterrupted() throws Exception {
        long bookId = scannedSherlock();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger exitCode = new AtomicInteger(-1);
        Thread serve = new Thread(() -> exitCode.set(Cli.run(
                new String[] {"--data-dir", dataDir().toString(), "serve", "--port", "0"},
                new PrintWriter(out, true), new PrintWriter(err, true), app.colophon.Main::startApi)), "serve-under-test");
        serve.start();
        Matcher listening = awaitListening(out, err);
        URI uri = URI.create(listening.group(1));
        int port = Integer.parseInt(listening.group(2));
        Path tokenFile = Path.of(listening.group(3).strip());

        assertThat(tokenFile).isEqualTo(dataDir().resolve("api-token").toAbsolutePath());
        String token = Files.readString(tokenFile).strip();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> book = http.send(HttpRequest.newBuilder(uri.resolve("books/" + bookId))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> resync = http.send(HttpRequest.newBuilder(uri.resolve("books/" + bookId + "/resync"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{\"refresh\": true}")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> noToken = http.send(HttpRequest.newBuilder(uri.resolve("books")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(book.statusCode()).isEqualTo(200);
        assertThat(parseJson(book.body())).isEqualTo(bookJson(bookId));
        assertThat(resync.statusCode()).isEqualTo(200);
        JsonNode resynced = parseJson(resync.body());
        assertThat(resynced.get("title").asText()).isEqualTo(SHERLOCK_TITLE);
        assertThat(noToken.statusCode()).isEqualTo(401);

        serve.interrupt();
        serve.join(60_000);
        assertThat(serve.isAlive()).isFalse();
        assertThat(exitCode.get()).as("exit code; stderr: %s", err).isZero();
        assertThat(err.toString()).isEmpty();
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
        // The database was closed cleanly: the command line can use it again.
        assertThat(bookJson(bookId).get("title").asText()).isEqualTo(SHERLOCK_TITLE);
    }

    @Test
    void portInUseIsOneClearError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            Run run = colophon("serve", "--port", Integer.toString(taken.getLocalPort()));

            run.failsWith(Cli.ERROR);
            assertThat(run.err()).contains("port is in use").contains("--port");
        }
    }

    @Test
    void portOutOfRangeIsAUsageError() {
        colophon("serve", "--port", "70000").failsWith(Cli.USAGE);
        colophon("serve", "--port", "seven").failsWith(Cli.USAGE);
    }

    @Test
    void helpNamesTheServeCommand() {
        Run help = runRaw("--help");

        assertThat(help.out()).contains("serve");
        assertThat(runRaw("serve", "--help").out()).contains("--port").contains("7711");
    }

    private static Matcher awaitListening(StringWriter out, StringWriter err) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = LISTENING.matcher(out.toString());
            if (m.find()) {
                return m;
            }
            assertThat(err.toString()).as("stderr of serve").isEmpty();
            Thread.sleep(20);
        }
        throw new AssertionError("serve did not say where it listens; stdout: " + out + "; stderr: " + err);
    }
}
