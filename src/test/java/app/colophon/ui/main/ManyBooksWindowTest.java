package app.colophon.ui.main;

import app.colophon.library.ResyncMode;
import app.colophon.model.BookSummary;
import app.colophon.testsupport.Epubs;
import app.colophon.ui.RecordingResync.Call;
import app.colophon.ui.UiHarness;
import app.colophon.ui.books.BookMenus;
import app.colophon.ui.common.Notifier;
import app.colophon.ui.resync.RefreshConfirmation;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static app.colophon.ui.main.MainWindowTest.openContextMenu;
import static app.colophon.ui.main.MainWindowTest.openMoreMenu;
import static app.colophon.ui.main.MainWindowTest.tile;
import static app.colophon.ui.main.MainWindowTest.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** Several books at once (one confirmation, one job, one summary, Cancel), Open, and the keys the menus show. */
@ExtendWith(ApplicationExtension.class)
class ManyBooksWindowTest {

    @TempDir
    static Path temp;

    private UiHarness ui;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory(temp, "case");
        ui = new UiHarness(dir);
        Epubs.write(ui.books.resolve("Dune.epub"), "Dune", "Frank Herbert");
        Epubs.write(ui.books.resolve("Emma.epub"), "Emma", "Jane Austen");
        Epubs.write(ui.books.resolve("Walden.epub"), "Walden", "Henry David Thoreau");
        ui.scannedLibrary();
        ui.show(stage);
    }

    @AfterEach
    void close() {
        ui.close();
    }

    @Test
    void scanFromTheMenuOfABookInASelectionScansEverySelectedBookWithOneSummary(FxRobot robot) {
        select(robot, "Dune");
        ctrlClick(robot, "Emma");
        openMoreMenu(robot, tile(robot, "Emma"));
        robot.clickOn(BookMenus.SCAN);

        waitUntil(() -> shown("Metadata scanned: 2 books"));
        assertThat(ui.resync.calls()).containsExactlyInAnyOrder(
                new Call("book", id(robot, "Dune"), ResyncMode.SCAN), new Call("book", id(robot, "Emma"), ResyncMode.SCAN));
        assertThat(messages()).as("one summary, not one message per book").hasSize(1);
    }

    @Test
    void refreshOfTheWholeSelectionAsksOnceNamingTheCount(FxRobot robot) {
        select(robot, "Dune");
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        openContextMenu(robot, tile(robot, "Walden"));
        robot.clickOn(BookMenus.REFRESH);

        DialogPane dialog = robot.lookup(".refresh-confirmation").queryAs(DialogPane.class);
        assertThat(dialog.getContentText()).isEqualTo(RefreshConfirmation.text("3 books"));
        robot.clickOn("Refresh");

        waitUntil(() -> shown("Metadata refreshed: 3 books"));
        assertThat(ui.resync.calls()).hasSize(3).allSatisfy(call -> assertThat(call.mode()).isEqualTo(ResyncMode.REFRESH));
    }

    @Test
    void theMenuOfABookOutsideTheSelectionActsOnThatBookAlone(FxRobot robot) {
        select(robot, "Dune");
        ctrlClick(robot, "Emma");
        openMoreMenu(robot, tile(robot, "Walden"));
        robot.clickOn(BookMenus.SCAN);

        long walden = id(robot, "Walden");
        waitUntil(() -> ui.resync.calls().contains(new Call("book", walden, ResyncMode.SCAN)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ui.resync.calls()).containsExactly(new Call("book", walden, ResyncMode.SCAN));
    }

    @Test
    void cancelStopsTheBulkScanAndKeepsWhatWasDone(FxRobot robot) {
        ui.resync.hold();
        select(robot, "Dune");
        robot.press(KeyCode.SHIFT).clickOn(tile(robot, "Walden").lookup(".tile-title")).release(KeyCode.SHIFT);
        openMoreMenu(robot, tile(robot, "Emma"));
        robot.clickOn(BookMenus.SCAN);

        // two books are taken at once; both wait at the gate until the test releases them
        waitUntil(() -> ui.resync.calls().size() == 2 && robot.lookup("#bulkBox").query().isVisible());
        // fired, not clicked: an earlier test's notification may still sit over the status bar's right end
        robot.interact(() -> robot.lookup("#cancelBulkButton").queryButton().fire());
        ui.resync.release();

        waitUntil(() -> shown("Metadata scanned: cancelled after 2 of 3 books"));
        assertThat(ui.resync.calls()).as("the third book is never started").hasSize(2);
        waitUntil(() -> !robot.lookup("#bulkBox").query().isVisible());
        assertThat(ui.context.model().busyBooks()).as("no book left marked busy").isEmpty();
    }

    @Test
    void openIsTheFirstMenuItemAndHandsTheBooksFileToTheDesktop(FxRobot robot) {
        openMoreMenu(robot, tile(robot, "Emma"));
        robot.clickOn(BookMenus.OPEN);

        waitUntil(() -> ui.opened.contains(ui.books.resolve("Emma.epub")));
        assertThat(tile(robot, "Emma").getContextMenu().getItems().get(0).getText()).isEqualTo(BookMenus.OPEN);
    }

    @Test
    void ctrlOOpensTheSelectedBookNotTheBookWhoseMenuWasBuiltLast(FxRobot robot) {
        select(robot, "Walden");
        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);

        waitUntil(() -> !ui.opened.isEmpty());
        assertThat(ui.opened).containsExactly(ui.books.resolve("Walden.epub"));
    }

    @Test
    void openingABookWhoseFileIsGoneSaysSoAndOpensNothing(FxRobot robot) throws Exception {
        Files.delete(ui.books.resolve("Dune.epub"));
        openMoreMenu(robot, tile(robot, "Dune"));
        robot.clickOn(BookMenus.OPEN);

        waitUntil(() -> messages().stream().anyMatch(m -> m.kind() == Notifier.Kind.ERROR
                && m.text().contains("Dune.epub") && m.text().contains("not on disk")));
        assertThat(ui.opened).isEmpty();
    }

    @Test
    void theMenusShowTheirShortcuts(FxRobot robot) {
        var items = tile(robot, "Dune").getContextMenu().getItems();
        assertThat(items).filteredOn(i -> BookMenus.OPEN.equals(i.getText())).singleElement()
                .satisfies(i -> assertThat(i.getAccelerator().getDisplayText()).endsWith("O"));
        assertThat(items).filteredOn(i -> BookMenus.SCAN.equals(i.getText())).singleElement()
                .satisfies(i -> assertThat(i.getAccelerator().getDisplayText()).isEqualTo("F5"));
        assertThat(items).filteredOn(i -> BookMenus.REMOVE.equals(i.getText())).singleElement()
                .satisfies(i -> assertThat(i.getAccelerator().getDisplayText()).isNotBlank());
    }

    @Test
    void ctrlEOpensTheSelectedBookForEditing(FxRobot robot) {
        select(robot, "Emma");
        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);

        long emma = id(robot, "Emma");
        waitUntil(() -> ui.context.bookWindows().window(emma).map(Stage::isShowing).orElse(false));
    }

    @Test
    void ctrlQClosesTheMainWindow(FxRobot robot) {
        select(robot, "Emma");
        robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);

        waitUntil(() -> !ui.context.mainStage().isShowing());
    }

    private void select(FxRobot robot, String title) {
        robot.clickOn(tile(robot, title).lookup(".tile-title"));
    }

    private void ctrlClick(FxRobot robot, String title) {
        Node node = tile(robot, title).lookup(".tile-title");
        robot.press(KeyCode.CONTROL).clickOn(node).release(KeyCode.CONTROL);
    }

    private long id(FxRobot robot, String title) {
        return ui.context.model().books().stream().filter(b -> title.equals(b.title())).map(BookSummary::id)
                .findFirst().orElseThrow();
    }

    private List<Notifier.Message> messages() {
        return List.copyOf(ui.context.notifier().shown());
    }

    private boolean shown(String text) {
        return messages().stream().map(Notifier.Message::text).anyMatch(text::equals);
    }
}
