package app.colophon.ui.about;

import app.colophon.ui.UiHarness;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Help → About Colophon shows the pom's version and the third-party notices; every window carries the app icon. */
@ExtendWith(ApplicationExtension.class)
class AboutWindowTest {

    @TempDir
    static Path temp;

    private UiHarness ui;
    private Stage main;

    @Start
    void start(Stage stage) throws Exception {
        ui = new UiHarness(Files.createTempDirectory(temp, "case"));
        main = stage;
        ui.show(stage);
    }

    @AfterEach
    void close() {
        ui.close();
    }

    @Test
    void helpAboutShowsThePomsVersion(FxRobot robot) {
        robot.clickOn("Help");
        robot.clickOn("About Colophon");

        Window about = robot.window(AboutWindow.TITLE);
        Label version = robot.from(about.getScene().getRoot()).lookup(".about-version").queryAs(Label.class);
        assertThat(version.getText()).isEqualTo("Version " + System.getProperty("colophon.expectedVersion"));
    }

    @Test
    void theAboutWindowListsTheThirdPartySoftwareAndItsLicences(FxRobot robot) {
        robot.clickOn("Help");
        robot.clickOn("About Colophon");

        Window about = robot.window(AboutWindow.TITLE);
        String notices = robot.from(about.getScene().getRoot()).lookup(".about-notices").queryAs(TextArea.class).getText();
        assertThat(notices).contains("OpenJFX / JavaFX", "ControlsFX", "epublib-core", "Apache PDFBox",
                "GNU Lesser General Public License", "Classpath Exception");
    }

    @Test
    void theMainWindowCarriesTheAppIconInSeveralSizes() {
        assertThat(main.getIcons()).hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(icon -> assertThat(icon.isError()).isFalse())
                .extracting(icon -> (int) icon.getWidth()).contains(16, 32, 48, 256);
    }
}
