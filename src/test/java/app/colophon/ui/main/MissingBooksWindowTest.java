package app.colophon.ui.main;

import app.colophon.model.Book;
import app.colophon.model.Library;
import app.colophon.testsupport.Epubs;
import app.colophon.ui.UiHarness;
import app.colophon.ui.common.Notifier;
import app.colophon.ui.library.LibraryActions;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableRow;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static app.colophon.ui.main.MainWindowTest.openContextMenu;
import static app.colophon.ui.main.MainWindowTest.tile;
import static app.colophon.ui.main.MainWindowTest.tileOrNull;
import static app.colophon.ui.main.MainWindowTest.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Books whose files are gone from disk: badged and dimmed in the grid and the list, gathered under "Missing" in the
 * sidebar, removed only when the user asks; and the library menu that removes a folder or a whole library.
 */
@ExtendWith(ApplicationExtension.class)
class MissingBooksWindowTest {

    @TempDir
    static Path temp;

    private UiHarness ui;
    private Library library;
    private Path dune;

    @Start
    void start(Stage stage) throws Exception {
        ui = new UiHarness(Files.createTempDirectory(temp, "case"));
        dune = Epubs.write(ui.books.resolve("Dune.epub"), "Dune", "Frank Herbert");
        Epubs.write(ui.books.resolve("Emma.epub"), "Emma", "Jane Austen");
        library = ui.scannedLibrary();
        Files.delete(dune);
        ui.colophon.libraries().scan(library.id(), p -> { }, () -> false);
        ui.show(stage);
    }

    @AfterEach
    void close() {
        ui.close();
    }

    @Test
    void aBookWhoseFileIsGoneIsBadgedMissingInTheGridAndDimmed(FxRobot robot) {
        waitUntil(() -> tileOrNull(robot, "Dune") != null);

        BookTile dune = tile(robot, "Dune");
        assertThat(dune.lookup(".missing-badge").isVisible()).isTrue();
        assertThat(dune.getPseudoClassStates()).extracting(Object::toString).contains("missing");
        assertThat(tile(robot, "Emma").lookup(".missing-badge").isVisible()).isFalse();
    }

    @Test
    void aBookWhoseFileIsGoneIsBadgedMissingInTheList(FxRobot robot) {
        robot.clickOn("List");

        TableRow<?> row = row(robot, "Dune");
        assertThat(row.getPseudoClassStates()).extracting(Object::toString).contains("missing");
        assertThat(row.lookupAll(".missing-badge")).anySatisfy(badge -> assertThat(badge.isVisible()).isTrue());
        assertThat(row(robot, "Emma").getPseudoClassStates()).extracting(Object::toString).doesNotContain("missing");
    }

    @Test
    void theMissingEntryCountsThemAndShowsOnlyThem(FxRobot robot) {
        ToggleButton entry = missingEntry(robot);
        assertThat(entry.getText()).isEqualTo("Missing (1)");

        robot.clickOn(entry);

        waitUntil(() -> tileOrNull(robot, "Emma") == null);
        assertThat(tile(robot, "Dune")).isNotNull();
        assertThat(robot.lookup("#statusLabel").queryLabeled().getText()).startsWith("1 missing book");
    }

    @Test
    void removeMissingBooksAsksNamingTheCountThenRemovesThem(FxRobot robot) {
        robot.clickOn(missingEntry(robot));
        robot.clickOn("Remove missing books…");

        DialogPane pane = dialog(robot, "Remove Missing Books");
        assertThat(pane.getContentText()).startsWith("Remove 1 book whose files are no longer on disk from \"Books\"");
        assertThat(pane.getButtonTypes()).extracting(b -> b.getText()).containsExactly("Cancel", "Remove");
        robot.clickOn("Remove");

        waitUntil(() -> shown("Removed 1 book with missing files"));
        waitUntil(() -> tileOrNull(robot, "Emma") != null && tileOrNull(robot, "Dune") == null);
        assertThat(ui.colophon.libraries().books(library.id())).extracting(Book::title).containsExactly("Emma");
        assertThat(robot.lookup("#missingBox").query().isVisible()).isFalse();
    }

    @Test
    void cancellingTheRemovalKeepsTheMissingBook(FxRobot robot) {
        robot.clickOn(missingEntry(robot));
        robot.clickOn("Remove missing books…");
        dialog(robot, "Remove Missing Books");
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(ui.colophon.libraries().books(library.id())).extracting(Book::title).containsExactlyInAnyOrder("Dune", "Emma");
    }

    @Test
    void removeLibraryFromItsMenuAsksNamingItsBooksAndKeepsTheFiles(FxRobot robot) {
        openContextMenu(robot, libraryCell(robot));
        robot.clickOn(LibraryActions.REMOVE_LIBRARY);

        DialogPane pane = dialog(robot, "Remove Library");
        assertThat(pane.getContentText()).contains("\"Books\"").contains("2 books");
        robot.clickOn("Remove");

        waitUntil(() -> ui.colophon.libraries().libraries().isEmpty());
        waitUntil(() -> robot.lookup(".empty-state").query().isVisible());
        assertThat(ui.books.resolve("Emma.epub")).exists();
    }

    @Test
    void removeFolderFromTheLibraryMenuForgetsItsBooks(FxRobot robot) {
        openContextMenu(robot, libraryCell(robot));
        robot.clickOn(LibraryActions.REMOVE_FOLDER);

        DialogPane pane = dialog(robot, "Remove Folder");
        assertThat(pane.getContentText()).contains(ui.books.toString()).contains("2 books");
        robot.clickOn("Remove");

        waitUntil(() -> ui.colophon.libraries().folders().isEmpty());
        waitUntil(() -> tileOrNull(robot, "Emma") == null);
        assertThat(ui.books.resolve("Emma.epub")).exists();
    }

    @Test
    void theLibraryMenuOffersEveryAction(FxRobot robot) {
        ListCell<?> cell = libraryCell(robot);
        openContextMenu(robot, cell);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(cell.getContextMenu().getItems()).extracting(MenuItem::getText).containsExactly(LibraryActions.SCAN,
                LibraryActions.ADD_FOLDER, LibraryActions.REMOVE_FOLDER, null, LibraryActions.EXCLUDED, LibraryActions.REMOVE_MISSING,
                LibraryActions.REMOVE_LIBRARY);
        robot.interact(() -> cell.getContextMenu().hide());
    }

    @Test
    void addingALibraryInsideAnotherOnesFolderIsRefusedNamingIt(FxRobot robot) throws IOException {
        Path inside = Files.createDirectories(ui.books.resolve("inside"));
        ui.answerFolderChooserWith(inside);

        robot.clickOn("#addLibraryButton");

        waitUntil(() -> ui.context.notifier().shown().stream().anyMatch(m -> m.kind() == Notifier.Kind.ERROR
                && m.text().contains("lies inside " + ui.books)));
        assertThat(ui.colophon.libraries().libraries()).hasSize(1);
    }

    private ToggleButton missingEntry(FxRobot robot) {
        waitUntil(() -> robot.lookup("#missingEntry").query().isVisible());
        return robot.lookup("#missingEntry").queryAs(ToggleButton.class);
    }

    private static ListCell<?> libraryCell(FxRobot robot) {
        waitUntil(() -> robot.lookup(".library-list .list-cell").queryAllAs(ListCell.class).stream()
                .anyMatch(c -> c.getItem() != null));
        return robot.lookup(".library-list .list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.getItem() != null).findFirst().orElseThrow();
    }

    private static DialogPane dialog(FxRobot robot, String title) {
        waitUntil(() -> robot.listWindows().stream().anyMatch(w -> w instanceof Stage s && title.equals(s.getTitle())));
        Window window = robot.window(title);
        return (DialogPane) window.getScene().getRoot();
    }

    @SuppressWarnings("unchecked")
    private static TableRow<?> row(FxRobot robot, String title) {
        waitUntil(() -> robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .anyMatch(r -> r.getItem() instanceof app.colophon.model.BookSummary b && title.equals(b.title())));
        return robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getItem() instanceof app.colophon.model.BookSummary b && title.equals(b.title()))
                .findFirst().orElseThrow();
    }

    private boolean shown(String text) {
        return ui.context.notifier().shown().stream().map(Notifier.Message::text).anyMatch(text::equals);
    }
}
