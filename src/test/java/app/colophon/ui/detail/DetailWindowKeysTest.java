package app.colophon.ui.detail;

import app.colophon.testsupport.Epubs;
import app.colophon.ui.books.BookMenus;
import app.colophon.ui.common.Notifier;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;

import static app.colophon.ui.detail.DetailWindowFixture.await;
import static app.colophon.ui.detail.DetailWindowFixture.input;
import static app.colophon.ui.detail.DetailWindowFixture.onFx;
import static app.colophon.ui.detail.DetailWindowFixture.rowOf;
import static org.assertj.core.api.Assertions.assertThat;

/** The detail window's keys: Esc and Ctrl+W close it (never over unsaved edits), Ctrl+O and "Open" open files. */
@ExtendWith(ApplicationExtension.class)
class DetailWindowKeysTest {

    @TempDir
    Path temp;

    private Stage primary;
    private DetailWindowFixture app;
    private Path epub;

    @Start
    void start(Stage stage) {
        primary = stage;
    }

    @BeforeEach
    void library() throws Exception {
        app = new DetailWindowFixture(temp, primary);
        epub = Epubs.write(app.books.resolve("Dune.epub"), "Dune", "Frank Herbert");
        app.scanAndShow();
    }

    @AfterEach
    void close() throws Exception {
        app.close();
    }

    @Test
    void escapeClosesTheDetailWindow(FxRobot robot) {
        Stage window = app.openDetail(app.bookTitled("Dune").id());
        robot.clickOn(input(window, "title"));
        robot.type(KeyCode.ESCAPE);

        await("the window closes", () -> !window.isShowing());
    }

    @Test
    void ctrlWWithUnsavedChangesKeepsTheWindowOpenAndSaysWhy(FxRobot robot) {
        Stage window = app.openDetail(app.bookTitled("Dune").id());
        robot.clickOn(input(window, "title")).write(" Messiah");
        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);

        await("a warning names the unsaved changes", () -> app.context().notifier().shown().stream()
                .anyMatch(m -> m.kind() == Notifier.Kind.WARNING && m.text().contains("unsaved changes")));
        assertThat(window.isShowing()).isTrue();
        assertThat(onFx(() -> input(window, "title").getText())).isEqualTo("Dune Messiah");
    }

    @Test
    void ctrlOOpensTheBooksFileWithTheDesktop(FxRobot robot) {
        Stage window = app.openDetail(app.bookTitled("Dune").id());
        robot.clickOn(input(window, "title"));
        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);

        await("the file is handed to the desktop", () -> app.opened.contains(epub));
    }

    @Test
    void openFromAFileRowsMenuOpensThatFile(FxRobot robot) {
        long bookId = app.bookTitled("Dune").id();
        long fileId = app.fileNamed(bookId, "Dune.epub").id();
        Stage window = app.openDetail(bookId);

        DetailWindowFixture.clickMore(robot, rowOf(window, fileId));
        assertThat(robot.lookup(BookMenus.SCAN).tryQuery()).as("the menu is open").isPresent();
        assertThat(robot.lookup(BookMenus.REMOVE).tryQuery()).as("a file row cannot be removed on its own").isEmpty();
        robot.clickOn(BookMenus.OPEN);

        await("the file is handed to the desktop", () -> app.opened.contains(epub));
    }
}
