package app.colophon.ui.detail;

import app.colophon.model.Edits;
import app.colophon.model.BookField;
import app.colophon.model.BookFile;
import app.colophon.model.Source;
import app.colophon.testsupport.Corpus;
import app.colophon.testsupport.Epubs;
import app.colophon.ui.common.Notifier;
import app.colophon.ui.books.BookMenus;
import app.colophon.library.ResyncMode;
import app.colophon.ui.RecordingResync.Call;
import app.colophon.ui.resync.RefreshConfirmation;
import app.colophon.ui.resync.ResyncActions;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableRow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import static app.colophon.ui.detail.DetailWindowFixture.await;
import static app.colophon.ui.detail.DetailWindowFixture.input;
import static app.colophon.ui.detail.DetailWindowFixture.badge;
import static app.colophon.ui.detail.DetailWindowFixture.fileTable;
import static app.colophon.ui.detail.DetailWindowFixture.moreButton;
import static app.colophon.ui.detail.DetailWindowFixture.onFx;
import static app.colophon.ui.detail.DetailWindowFixture.rowOf;
import static app.colophon.ui.detail.DetailWindowFixture.spinner;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The detail window's file rows and their resync actions, over the real services: the "⋯" button and the context
 * menu reach the resync with the file's id and mode, Refresh asks first, a running resync shows on its row, and
 * removals and parse errors show as DESIGN §5 says.
 */
@ExtendWith(ApplicationExtension.class)
class BookDetailWindowTest {

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
    }

    @AfterEach
    void close() throws Exception {
        app.close();
    }

    @Test
    void moreButtonAndContextMenuReachTheResyncWithTheFileIdAndMode(FxRobot robot) {
        app.scanAndShow();
        long bookId = app.bookTitled("Dune").id();
        long fileId = app.fileNamed(bookId, "Dune.epub").id();
        Stage window = app.openDetail(bookId);

        DetailWindowFixture.clickMore(robot, rowOf(window, fileId));
        robot.clickOn(BookMenus.SCAN);
        await("the scan from the ⋯ button reaches the service", () -> app.resync.calls().contains(new Call("file", fileId, ResyncMode.SCAN)));
        await("the scan ends", () -> app.context().notifier().shown().contains(info(ResyncActions.SCANNED)));

        DetailWindowFixture.requestContextMenu(rowOf(window, fileId));
        assertThat(robot.lookup(BookMenus.EDIT).tryQuery()).as("a file row has no 'Edit metadata…'").isEmpty();
        robot.clickOn(BookMenus.REFRESH);
        robot.clickOn(button(robot, RefreshConfirmation.REFRESH));
        await("the refresh from the context menu reaches the service",
                () -> app.resync.calls().contains(new Call("file", fileId, ResyncMode.REFRESH)));
        await("the refresh ends", () -> app.context().notifier().shown().contains(info(ResyncActions.REFRESHED)));
        assertThat(app.resync.calls()).containsExactly(new Call("file", fileId, ResyncMode.SCAN),
                new Call("file", fileId, ResyncMode.REFRESH));

        onFx(() -> {
            window.toFront(); // the alert was owned by the main window (see refreshAsksFirst…)
            return null;
        });
        DetailWindowFixture.clickMore(robot, rowOf(window, fileId));
        robot.clickOn(BookMenus.SHOW_IN_FOLDER);
        assertThat(app.shownFolders).containsExactly(epub.toAbsolutePath().getParent());
    }

    @Test
    void refreshAsksFirstAndCancelChangesNothing(FxRobot robot) {
        app.scanAndShow();
        long bookId = app.bookTitled("Dune").id();
        long fileId = app.fileNamed(bookId, "Dune.epub").id();
        app.colophon.editor().editBook(bookId, Edits.ofBook().set(BookField.TITLE, "My Own Title"));
        Stage window = app.openDetail(bookId);
        assertThat(onFx(() -> input(window, "title").getText())).isEqualTo("My Own Title");

        DetailWindowFixture.clickMore(robot, rowOf(window, fileId));
        robot.clickOn(BookMenus.REFRESH);
        DialogPane dialog = robot.lookup(".refresh-confirmation").queryAs(DialogPane.class);
        assertThat(onFx(() -> ((Stage) dialog.getScene().getWindow()).getTitle())).isEqualTo("Refresh All Metadata");
        assertThat(onFx(() -> ((Stage) dialog.getScene().getWindow()).getOwner())).isSameAs(window);
        assertThat(dialog.getContentText()).isEqualTo("This will rescan the file and overwrite all metadata with values "
                + "from the source file(s). Any manual changes you've made will be lost.");
        assertThat(dialog.getButtonTypes()).extracting(ButtonType::getText).containsExactly("Cancel", "Refresh");
        robot.clickOn(button(robot, RefreshConfirmation.CANCEL));

        assertThat(robot.lookup(".refresh-confirmation").tryQuery()).isEmpty();
        assertThat(app.resync.calls()).isEmpty();
        assertThat(app.stored(bookId).book().title()).isEqualTo("My Own Title");
        assertThat(app.stored(bookId).book().fields().source(BookField.TITLE)).isEqualTo(Source.MANUAL);
        assertThat(onFx(() -> input(window, "title").getText())).isEqualTo("My Own Title");

        // the question belonged to the detail window it was asked from
        DetailWindowFixture.clickMore(robot, rowOf(window, fileId));
        robot.clickOn(BookMenus.REFRESH);
        robot.clickOn(button(robot, RefreshConfirmation.REFRESH));
        await("the refresh puts back the file's title", () -> "Dune".equals(input(window, "title").getText()));
        assertThat(onFx(() -> badge(window, "title").getText())).isEqualTo("file");
        assertThat(app.stored(bookId).book().fields().source(BookField.TITLE)).isEqualTo(Source.FILE_METADATA);
        assertThat(app.context().notifier().shown()).contains(info(ResyncActions.REFRESHED));
        assertThat(app.resync.calls()).containsExactly(new Call("file", fileId, ResyncMode.REFRESH));
    }

    @Test
    void aRunningResyncShowsASpinnerOnItsRowAndDisablesItsActions(FxRobot robot) {
        app.scanAndShow();
        long bookId = app.bookTitled("Dune").id();
        long fileId = app.fileNamed(bookId, "Dune.epub").id();
        Stage window = app.openDetail(bookId);
        app.resync.hold();

        DetailWindowFixture.clickMore(robot, rowOf(window, fileId));
        robot.clickOn(BookMenus.SCAN);
        await("the row shows a spinner", () -> spinnerShows(window, fileId));
        TableRow<BookFile> row = rowOf(window, fileId);
        MenuButton more = moreButton(row);
        assertThat(onFx(more::isVisible)).as("⋯ hidden while busy").isFalse();
        assertThat(onFx(() -> actionsDisabled(more.getItems()))).isTrue();
        assertThat(onFx(() -> actionsDisabled(row.getContextMenu().getItems()))).isTrue();

        // The window stays usable while the resync runs.
        robot.clickOn(input(window, "tags")).write("reading");
        assertThat(onFx(() -> input(window, "tags").getText())).isEqualTo("reading");

        app.resync.release();
        await("the spinner goes", () -> !spinnerShows(window, fileId));
        TableRow<BookFile> after = rowOf(window, fileId);
        assertThat(onFx(() -> moreButton(after).isVisible())).isTrue();
        assertThat(onFx(() -> actionsEnabled(moreButton(after).getItems()))).isTrue();
        assertThat(onFx(() -> actionsEnabled(after.getContextMenu().getItems()))).isTrue();
        assertThat(onFx(() -> input(window, "tags").getText())).as("typing survives the update").isEqualTo("reading");
    }

    @Test
    void aFileDeletedOnDiskDisappearsFromTheTableOnScan(FxRobot robot) throws Exception {
        Path m4b = Corpus.copy("generated/gen-audiobook-chapters.m4b", app.books, "Dune.m4b");
        app.scanAndShow();
        long bookId = app.bookTitled("Dune").id();
        long m4bId = app.fileNamed(bookId, "Dune.m4b").id();
        Stage window = app.openDetail(bookId);
        assertThat(onFx(() -> fileTable(window).getItems())).hasSize(2);

        Files.delete(m4b);
        DetailWindowFixture.clickMore(robot, rowOf(window, m4bId));
        robot.clickOn(BookMenus.SCAN);

        await("the deleted file's row disappears", () -> fileTable(window).getItems().size() == 1
                && DetailWindowFixture.row(window, m4bId).isEmpty());
        assertThat(onFx(() -> fileTable(window).getItems())).extracting(f -> f.path().getFileName().toString())
                .containsExactly("Dune.epub");
        assertThat(app.context().notifier().shown()).contains(info(ResyncActions.FILE_REMOVED));
        await("a notification shows the removal", () -> DetailWindowFixture.popupShows(ResyncActions.FILE_REMOVED));
        assertThat(app.stored(bookId).files()).hasSize(1);
        assertThat(window.isShowing()).isTrue();
    }

    @Test
    void aCorruptFileGivesAnErrorWithTheParseMessageAndChangesNothing(FxRobot robot) throws Exception {
        app.scanAndShow();
        long bookId = app.bookTitled("Dune").id();
        long fileId = app.fileNamed(bookId, "Dune.epub").id();
        Stage window = app.openDetail(bookId);
        Files.writeString(epub, "this is not an epub, only garbage ".repeat(40));

        DetailWindowFixture.clickMore(robot, rowOf(window, fileId));
        robot.clickOn(BookMenus.SCAN);

        await("an error is shown", () -> app.context().notifier().shown().stream()
                .anyMatch(m -> m.kind() == Notifier.Kind.ERROR));
        Notifier.Message error = app.context().notifier().shown().stream()
                .filter(m -> m.kind() == Notifier.Kind.ERROR).findFirst().orElseThrow();
        assertThat(error.text()).startsWith("Failed to parse EPUB: ");
        await("the error notification shows", () -> DetailWindowFixture.popupShows(error.text()));
        await("the row is usable again", () -> !spinnerShows(window, fileId));
        assertThat(onFx(() -> input(window, "title").getText())).isEqualTo("Dune");
        assertThat(onFx(() -> input(window, "authors").getText())).isEqualTo("Frank Herbert");
        assertThat(onFx(() -> badge(window, "title").getText())).isEqualTo("file");
        assertThat(app.stored(bookId).book().title()).isEqualTo("Dune");
        assertThat(app.stored(bookId).files()).singleElement().satisfies(f -> assertThat(f.error()).isNull());
    }

    private static boolean spinnerShows(Stage window, long fileId) {
        return DetailWindowFixture.row(window, fileId).map(r -> spinner(r).isVisible()).orElse(false);
    }

    private static Notifier.Message info(String text) {
        return new Notifier.Message(Notifier.Kind.INFO, text);
    }

    private static Node button(FxRobot robot, ButtonType type) {
        DialogPane dialog = robot.lookup(".refresh-confirmation").queryAs(DialogPane.class);
        return dialog.lookupButton(type);
    }

    private static boolean actionsDisabled(List<MenuItem> items) {
        return resyncItems(items).stream().allMatch(MenuItem::isDisable) && resyncItems(items).size() == 2;
    }

    private static boolean actionsEnabled(List<MenuItem> items) {
        return resyncItems(items).stream().noneMatch(MenuItem::isDisable) && resyncItems(items).size() == 2;
    }

    private static List<MenuItem> resyncItems(List<MenuItem> items) {
        return items.stream().filter(i -> BookMenus.SCAN.equals(i.getText()) || BookMenus.REFRESH.equals(i.getText()))
                .toList();
    }
}
