package app.colophon.ui.about;

import app.colophon.library.AppVersion;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** What Colophon is, which version, on which Java and JavaFX, under which licence, and whose software it uses. */
public final class AboutController {

    static final String NOTICES = "/META-INF/THIRD-PARTY-NOTICES.txt";

    @FXML
    private Label versionLabel;
    @FXML
    private Label runtimeLabel;
    @FXML
    private TextArea noticesArea;

    @FXML
    private void initialize() {
        versionLabel.setText("Version " + AppVersion.current());
        runtimeLabel.setText("Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor")
                + "), JavaFX " + System.getProperty("javafx.runtime.version", "?"));
        noticesArea.setText(resource(NOTICES));
    }

    private static String resource(String name) {
        try (InputStream in = AboutController.class.getResourceAsStream(name)) {
            return in == null ? "(" + name + " is missing from this build)" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
