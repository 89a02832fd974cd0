package app.colophon.ui.main;

import app.colophon.ui.books.BookMenus;
import app.colophon.model.Edits;
import app.colophon.library.ResyncMode;
import app.colophon.model.BookField;
import app.colophon.model.BookSummary;
import app.colophon.ui.RecordingResync.Call;
import app.colophon.ui.UiHarness;
import app.colophon.ui.common.Notifier;
import app.colophon.ui.resync.RefreshConfirmation;
import app.colophon.ui.resync.ResyncActions;
import app.colophon.testsupport.Epubs;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.ContextMenuEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.controlsfx.control.GridView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The grid and the list: both resync actions from the "⋯" button and from the context menu. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    @TempDir
    static Path temp;

    private UiHarness ui;
    private long duneId;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = java.nio.file.Files.createTempDirectory(temp, "case");
        ui = new UiHarness(dir);
        Epubs.write(ui.books.resolve("Dune.epub"), "Dune", "Frank Herbert");
        Epubs.write(ui.books.resolve("Emma.epub"), "Emma", "Jane Austen");
        ui.scannedLibrary();
        duneId = ui.colophon.libraries().books(ui.colophon.libraries().libraries().get(0).id()).stream()
                .filter(b -> b.title().equals("Dune")).findFirst().orElseThrow().id();
        ui.show(stage);
    }

    @AfterEach
    void close() {
        ui.close();
    }

    @Test
    void tileMoreButtonScansTheBook(FxRobot robot) {
        openMoreMenu(robot, tile(robot, "Dune"));
        robot.clickOn(BookMenus.SCAN);

        waitUntil(() -> ui.resync.calls().contains(new Call("book", duneId, ResyncMode.SCAN)));
        waitUntil(() -> shown(ResyncActions.SCANNED));
    }

    @Test
    void tileContextMenuRefreshesTheBookAfterConfirmation(FxRobot robot) {
        openContextMenu(robot, tile(robot, "Dune"));
        robot.clickOn(BookMenus.REFRESH);
        robot.clickOn("Refresh");

        waitUntil(() -> ui.resync.calls().contains(new Call("book", duneId, ResyncMode.REFRESH)));
        waitUntil(() -> shown(ResyncActions.REFRESHED));
    }

    @Test
    void onlyTheViewOnScreenHoldsTheBooks(FxRobot robot) {
        GridView<?> grid = robot.lookup(".book-grid").queryAs(GridView.class);
        TableView<?> table = robot.lookup(".table-view").queryAs(TableView.class);
        int books = ui.context.model().books().size();
        assertThat(grid.getItems()).hasSize(books);
        assertThat(table.getItems()).isEmpty();

        robot.clickOn("List");

        assertThat(table.getItems()).hasSize(books);
        assertThat(grid.getItems()).isEmpty();
    }

    @Test
    void listRowMoreButtonScansTheBook(FxRobot robot) {
        robot.clickOn("List");
        TableRow<?> row = row(robot, "Dune");
        openMoreMenu(robot, row);
        robot.clickOn(BookMenus.SCAN);

        waitUntil(() -> ui.resync.calls().contains(new Call("book", duneId, ResyncMode.SCAN)));
    }

    @Test
    void listRowContextMenuRefreshesTheBook(FxRobot robot) {
        robot.clickOn("List");
        openContextMenu(robot, row(robot, "Dune"));
        robot.clickOn(BookMenus.REFRESH);
        robot.clickOn("Refresh");

        waitUntil(() -> ui.resync.calls().contains(new Call("book", duneId, ResyncMode.REFRESH)));
    }

    @Test
    void refreshConfirmationForABookHasTheExactTitleTextAndButtons(FxRobot robot) {
        openMoreMenu(robot, tile(robot, "Dune"));
        robot.clickOn(BookMenus.REFRESH);

        Window dialog = robot.window(RefreshConfirmation.TITLE);
        DialogPane pane = (DialogPane) dialog.getScene().getRoot();
        assertThat(pane.getContentText()).isEqualTo("This will rescan the book and overwrite all metadata with values "
                + "from the source file(s). Any manual changes you've made will be lost.");
        assertThat(pane.getButtonTypes()).extracting(b -> b.getText()).containsExactly("Cancel", "Refresh");
        robot.clickOn("Cancel");
    }

    @Test
    void resetFromTheTileMenuAsksWithTheExactTextAndCancelAsTheDefault(FxRobot robot) {
        openMoreMenu(robot, tile(robot, "Dune"));
        robot.clickOn(BookMenus.RESET);

        Window dialog = robot.window(RefreshConfirmation.RESET_TITLE);
        DialogPane pane = (DialogPane) dialog.getScene().getRoot();
        assertThat(pane.getContentText()).isEqualTo("This will clear every value of the book, including your manual "
                + "changes, and read it again from its file(s) and path. Values the files do not have will be empty.");
        assertThat(pane.getButtonTypes()).extracting(b -> b.getText()).containsExactly("Cancel", "Reset");
        assertThat(((javafx.scene.control.Button) pane.lookupButton(RefreshConfirmation.CANCEL)).isDefaultButton()).isTrue();
        assertThat(((javafx.scene.control.Button) pane.lookupButton(RefreshConfirmation.RESET)).isDefaultButton()).isFalse();
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ui.resync.calls()).isEmpty();
    }

    @Test
    void resetFromTheListRowsContextMenuResetsTheBookAndSaysSo(FxRobot robot) {
        ui.colophon.editor().editBook(duneId, Edits.ofBook().set(BookField.TITLE, "My Dune"));
        robot.interact(() -> ui.context.model().updated(ui.colophon.libraries().summary(duneId).orElseThrow(), null));
        robot.clickOn("List");
        openContextMenu(robot, row(robot, "My Dune"));
        robot.clickOn(BookMenus.RESET);
        robot.clickOn("Reset");

        waitUntil(() -> ui.resync.calls().contains(new Call("book", duneId, ResyncMode.RESET)));
        waitUntil(() -> shown(ResyncActions.RESET));
        assertThat(ui.colophon.libraries().book(duneId).orElseThrow().book().title()).isEqualTo("Dune");
    }

    @Test
    void aResyncThatChangesTheTitleMovesTheTileAndTheRowToTheirNewPlace(FxRobot robot) {
        robot.interact(() -> robot.lookup("#sortBox").queryAs(javafx.scene.control.ComboBox.class).setValue(Sorting.TITLE));
        assertThat(gridTitles(robot)).containsExactly("Dune", "Emma");
        Epubs.write(ui.books.resolve("Dune.epub"), "Zebra Dune", "Frank Herbert");

        openMoreMenu(robot, tile(robot, "Dune"));
        robot.clickOn(BookMenus.SCAN);

        waitUntil(() -> gridTitles(robot).equals(java.util.List.of("Emma", "Zebra Dune")));
        waitUntil(() -> tileOrNull(robot, "Zebra Dune") != null && tileOrNull(robot, "Emma") != null
                && screenX(tileOrNull(robot, "Emma")) < screenX(tileOrNull(robot, "Zebra Dune")));
        robot.clickOn("List");
        waitUntil(() -> tableTitles(robot).equals(java.util.List.of("Emma", "Zebra Dune")));
        waitUntil(() -> row(robot, "Emma").getIndex() == 0 && row(robot, "Zebra Dune").getIndex() == 1);
    }

    private static double screenX(Node node) {
        return node.localToScreen(node.getBoundsInLocal()).getMinX();
    }

    @Test
    void atTheFirstRunWindowSizeTheListShowsItsMoreButtonsWithoutAHorizontalScrollBar(FxRobot robot) {
        robot.clickOn("List");
        TableRow<?> dune = row(robot, "Dune");
        TableView<?> table = robot.lookup("#table").queryAs(TableView.class);

        assertThat(table.getScene().getWindow().getWidth()).isEqualTo(1100);
        Node more = dune.lookup(".more-button");
        assertThat(more.isVisible()).isTrue();
        assertThat(more.localToScreen(more.getBoundsInLocal()).getMaxX())
                .isLessThanOrEqualTo(table.localToScreen(table.getBoundsInLocal()).getMaxX());
        assertThat(table.lookupAll(".scroll-bar")).noneMatch(bar -> bar instanceof javafx.scene.control.ScrollBar s
                && s.getOrientation() == javafx.geometry.Orientation.HORIZONTAL && s.isVisible());
    }

    @SuppressWarnings("unchecked")
    private static java.util.List<String> gridTitles(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        GridView<BookSummary> grid = robot.lookup("#grid").queryAs(GridView.class);
        return grid.getItems().stream().map(BookSummary::title).toList();
    }

    @SuppressWarnings("unchecked")
    private static java.util.List<String> tableTitles(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        TableView<BookSummary> table = robot.lookup("#table").queryAs(TableView.class);
        return table.getItems().stream().map(BookSummary::title).toList();
    }

    @Test
    void cancellingTheConfirmationChangesNothing(FxRobot robot) {
        ui.colophon.editor().editBook(duneId, Edits.ofBook().set(BookField.TITLE, "My Dune"));
        robot.interact(() -> ui.context.model().updated(ui.colophon.libraries().summary(duneId).orElseThrow(), null));
        openMoreMenu(robot, tile(robot, "My Dune"));
        robot.clickOn(BookMenus.REFRESH);
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(ui.resync.calls()).isEmpty();
        assertThat(ui.colophon.libraries().book(duneId).orElseThrow().book().title()).isEqualTo("My Dune");
    }

    @Test
    void refreshOverwritesAManualTitleWithTheFilesAndTheTileShowsIt(FxRobot robot) {
        ui.colophon.editor().editBook(duneId, Edits.ofBook().set(BookField.TITLE, "My Dune"));
        robot.interact(() -> ui.context.model().updated(ui.colophon.libraries().summary(duneId).orElseThrow(), null));
        openMoreMenu(robot, tile(robot, "My Dune"));
        robot.clickOn(BookMenus.REFRESH);
        robot.clickOn("Refresh");

        waitUntil(() -> shown(ResyncActions.REFRESHED));
        assertThat(ui.colophon.libraries().book(duneId).orElseThrow().book().title()).isEqualTo("Dune");
        waitUntil(() -> tileOrNull(robot, "Dune") != null);
    }

    @Test
    void whileASlowResyncRunsTheTileShowsASpinnerAndItsActionsAreDisabled(FxRobot robot) {
        ui.tasks.hold();
        BookTile tile = tile(robot, "Dune");
        openMoreMenu(robot, tile);
        robot.clickOn(BookMenus.SCAN);
        assertThat(ui.tasks.pending()).as("the resync, started and not finished").isEqualTo(1);

        assertThat(tile.lookup(".tile-spinner").isVisible()).isTrue();
        assertThat(resyncItems(tile)).allSatisfy(item -> assertThat(item.isDisable()).isTrue());
        assertThat(tile(robot, "Emma").lookup(".tile-spinner").isVisible()).isFalse();

        robot.interact(ui.tasks::release);
        assertThat(ui.resync.calls()).containsExactly(new Call("book", duneId, ResyncMode.SCAN));
        // The tile may be between two items for a moment while the grid applies the update: wait, do not fail.
        waitUntil(() -> {
            BookTile dune = tileOrNull(robot, "Dune");
            return dune != null && !dune.lookup(".tile-spinner").isVisible();
        });
        assertThat(resyncItems(tile(robot, "Dune"))).allSatisfy(item -> assertThat(item.isDisable()).isFalse());
    }

    @Test
    void f5ScansTheSelectedBook(FxRobot robot) {
        robot.clickOn(tile(robot, "Emma").lookup(".tile-title"));
        robot.type(javafx.scene.input.KeyCode.F5);

        long emmaId = tile(robot, "Emma").getItem().id();
        waitUntil(() -> ui.resync.calls().contains(new Call("book", emmaId, ResyncMode.SCAN)));
    }

    @Test
    void enterOpensTheSelectedBooksDetailWindow(FxRobot robot) {
        robot.clickOn(tile(robot, "Dune").lookup(".tile-title"));
        robot.type(javafx.scene.input.KeyCode.ENTER);

        waitUntil(() -> ui.context.bookWindows().window(duneId).map(Stage::isShowing).orElse(false));
        assertThat(ui.context.bookWindows().window(duneId).orElseThrow().getTitle()).contains("Dune");
    }

    @Test
    void doubleClickingATileOpensItsDetailWindow(FxRobot robot) {
        robot.doubleClickOn(tile(robot, "Dune").lookup(".cover"));

        waitUntil(() -> ui.context.bookWindows().window(duneId).map(Stage::isShowing).orElse(false));
    }

    @Test
    void ctrlFFocusesTheSearchBoxAndTypingFilters(FxRobot robot) {
        robot.clickOn(tile(robot, "Emma").lookup(".tile-title"));
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.F)
                .release(javafx.scene.input.KeyCode.F, javafx.scene.input.KeyCode.CONTROL);
        robot.write("austen");

        waitUntil(() -> tileOrNull(robot, "Dune") == null);
        assertThat(tile(robot, "Emma")).isNotNull();
    }

    static BookTile tile(FxRobot robot, String title) {
        BookTile tile = tileOrNull(robot, title);
        assertThat(tile).as("tile " + title).isNotNull();
        return tile;
    }

    static BookTile tileOrNull(FxRobot robot, String title) {
        return robot.lookup(".book-tile").queryAllAs(BookTile.class).stream()
                .filter(t -> t.getItem() != null && title.equals(t.getItem().title())).findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static TableRow<?> row(FxRobot robot, String title) {
        // the list lays its rows out a pulse or two after it is shown
        waitUntil(() -> robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .anyMatch(r -> r.getItem() instanceof BookSummary b && title.equals(b.title())));
        return robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getItem() instanceof BookSummary b && title.equals(b.title())).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + title));
    }

    static void openMoreMenu(FxRobot robot, Node owner) {
        robot.clickOn(owner.lookup(".more-button"));
    }

    static void openContextMenu(FxRobot robot, Node node) {
        // Under headless Monocle a right click opens no context menu (DESIGN §1): ask for it as the OS would.
        robot.interact(() -> {
            var bounds = node.localToScreen(node.getBoundsInLocal());
            Event.fireEvent(node, new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 5, 5,
                    bounds.getMinX() + 5, bounds.getMinY() + 5, false, null));
        });
    }

    private static java.util.List<MenuItem> resyncItems(BookTile tile) {
        return tile.getContextMenu().getItems().stream()
                .filter(i -> BookMenus.SCAN.equals(i.getText()) || BookMenus.REFRESH.equals(i.getText())).toList();
    }

    private boolean shown(String text) {
        return ui.context.notifier().shown().stream().map(Notifier.Message::text).anyMatch(text::equals);
    }

    static void waitUntil(BooleanSupplier condition) {
        UiHarness.waitUntil(condition);
    }
}
