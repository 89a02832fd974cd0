package app.colophon.ui.settings;

import app.colophon.ui.UiHarness;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static app.colophon.ui.UiHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Settings menu turns the local HTTP API on and off (off by default). */
@ExtendWith(ApplicationExtension.class)
class ApiToggleTest {

    private static final Pattern WHERE = Pattern.compile("Local API on (http://127\\.0\\.0\\.1:\\d+/) \\(token in (.+)\\)");

    @TempDir
    static Path temp;

    private UiHarness ui;

    @Start
    void start(Stage stage) throws IOException {
        ui = new UiHarness(Files.createTempDirectory(temp, "case"), true);
        ui.show(stage);
    }

    @AfterEach
    void close() {
        ui.close();
    }

    @Test
    void theApiIsOffUntilTheUserTurnsItOn(FxRobot robot) {
        robot.clickOn("Settings");

        assertThat(robot.lookup(".check-menu-item").queryAll()).isNotEmpty();
        assertThat(ui.localApi.isRunning()).isFalse();
    }

    @Test
    void turningTheApiOnServesRequestsWithTheTokenAndTurningItOffStopsIt(FxRobot robot) throws Exception {
        robot.clickOn("Settings").clickOn("Local HTTP API (for scripts and companion apps)");
        waitUntil(() -> lastShown().startsWith("Local API on"));
        Matcher where = WHERE.matcher(lastShown());
        assertThat(where.matches()).as(lastShown()).isTrue();
        String token = Files.readString(Path.of(where.group(2))).trim();
        URI books = URI.create(where.group(1) + "books");

        HttpResponse<String> answer = get(books, token);
        assertThat(answer.statusCode()).isEqualTo(200);

        robot.clickOn("Settings").clickOn("Local HTTP API (for scripts and companion apps)");
        waitUntil(() -> lastShown().equals("Local API stopped"));
        assertThatThrownBy(() -> get(books, token)).isInstanceOf(ConnectException.class);
    }

    private String lastShown() {
        var shown = ui.context.notifier().shown();
        return shown.isEmpty() ? "" : shown.get(shown.size() - 1).text();
    }

    private static HttpResponse<String> get(URI uri, String token) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

}
