package app.colophon.ui.detail;

import app.colophon.model.BookField;
import app.colophon.model.BookWithFiles;
import app.colophon.model.FileField;
import app.colophon.model.Source;
import app.colophon.testsupport.Epubs;
import app.colophon.ui.common.Notifier;
import app.colophon.ui.books.BookMenus;
import app.colophon.ui.resync.ResyncActions;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;

import static app.colophon.ui.detail.DetailWindowFixture.await;
import static app.colophon.ui.detail.DetailWindowFixture.badge;
import static app.colophon.ui.detail.DetailWindowFixture.input;
import static app.colophon.ui.detail.DetailWindowFixture.onFx;
import static app.colophon.ui.detail.DetailWindowFixture.rowOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The detail window's editor and badges over the real services: what the user saves becomes manual and survives
 * a scan, a cleared field stays cleared, a fresh book shows where each value came from, and the window is one
 * per book and follows its book's removal.
 */
@ExtendWith(ApplicationExtension.class)
class BookDetailWindowEditTest {

    @TempDir
    Path temp;

    private Stage primary;
    private DetailWindowFixture app;

    @Start
    void start(Stage stage) {
        primary = stage;
    }

    @BeforeEach
    void library() throws Exception {
        app = new DetailWindowFixture(temp, primary);
    }

    @AfterEach
    void close() throws Exception {
        app.close();
    }

    @Test
    void aSavedEditIsManualAndAScanKeepsItAndAClearSticks(FxRobot robot) {
        Path epub = Epubs.write(app.books.resolve("Dune.epub"), "Dune", "Frank Herbert");
        app.scanAndShow();
        long bookId = app.bookTitled("Dune").id();
        long fileId = app.fileNamed(bookId, "Dune.epub").id();
        Stage window = app.openDetail(bookId);
        Button save = (Button) window.getScene().lookup("#saveButton");
        assertThat(save.isDisabled()).as("nothing to save yet").isTrue();

        retype(robot, input(window, "title"), "My Dune");
        assertThat(onFx(save::isDisabled)).isFalse();
        DetailWindowFixture.dismissNotifications(); // the last one sits over the Save button
        robot.clickOn(save);
        await("the title is saved as manual", () -> "manual".equals(badge(window, "title").getText()));
        assertThat(app.context().notifier().shown()).contains(info(BookDetailController.SAVED));
        assertThat(onFx(() -> badge(window, "title").getStyleClass())).contains("source-badge", "source-manual");
        assertThat(onFx(save::isDisabled)).as("saved: nothing left to save").isTrue();
        BookWithFiles stored = app.stored(bookId);
        assertThat(stored.book().title()).isEqualTo("My Dune");
        assertThat(stored.book().fields().source(BookField.TITLE)).isEqualTo(Source.MANUAL);
        assertThat(stored.book().fields().source(BookField.AUTHORS)).as("only what changed is sent")
                .isEqualTo(Source.FILE_METADATA);
        assertThat(onFx(() -> window.getTitle())).isEqualTo("My Dune");

        // The file now says something else; a scan must still keep the manual title.
        Epubs.write(epub, "Dune (revised)", "Frank Herbert");
        scanFile(robot, window, fileId, 1);
        assertThat(onFx(() -> input(window, "title").getText())).isEqualTo("My Dune");
        assertThat(onFx(() -> badge(window, "title").getText())).isEqualTo("manual");
        assertThat(app.stored(bookId).book().title()).isEqualTo("My Dune");
        assertThat(app.stored(bookId).book().fields().source(BookField.TITLE)).isEqualTo(Source.MANUAL);

        retype(robot, input(window, "authors"), "");
        // Ctrl+S rather than a click: on a loaded machine the scan's notification can appear over the Save button
        // after the test closed the ones showing, and take the click.
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        await("the clear is saved", () -> "manual".equals(badge(window, "authors").getText()));
        assertThat(app.stored(bookId).book().authors()).isEmpty();
        assertThat(app.stored(bookId).book().fields().source(BookField.AUTHORS)).isEqualTo(Source.MANUAL);

        scanFile(robot, window, fileId, 2);
        assertThat(onFx(() -> input(window, "authors").getText())).isEmpty();
        assertThat(onFx(() -> badge(window, "authors").getText())).isEqualTo("manual");
        assertThat(app.stored(bookId).book().authors()).as("a scan does not refill a manual clear").isEmpty();
        assertThat(app.stored(bookId).book().fields().source(BookField.AUTHORS)).isEqualTo(Source.MANUAL);
    }

    @Test
    void fileFieldEditsGoToTheSelectedFileAndRevertPutsBackTheStoredText(FxRobot robot) {
        Epubs.write(app.books.resolve("Dune.epub"), "Dune", "Frank Herbert");
        app.scanAndShow();
        long bookId = app.bookTitled("Dune").id();
        Stage window = app.openDetail(bookId);
        Button save = (Button) window.getScene().lookup("#saveButton");

        retype(robot, input(window, "subtitle"), "Unsaved");
        robot.clickOn("Revert");
        assertThat(onFx(() -> input(window, "subtitle").getText())).isEmpty();
        assertThat(onFx(save::isDisabled)).isTrue();

        retype(robot, input(window, "publisher"), "Chilton Books");
        DetailWindowFixture.dismissNotifications(); // the last one sits over the Save button
        robot.clickOn(save);
        await("the publisher is saved as manual", () -> "manual".equals(badge(window, "publisher").getText()));
        var file = app.stored(bookId).files().get(0);
        assertThat(file.fields().text(FileField.PUBLISHER)).isEqualTo("Chilton Books");
        assertThat(file.fields().source(FileField.PUBLISHER)).isEqualTo(Source.MANUAL);
        assertThat(app.stored(bookId).book().fields().source(BookField.TITLE)).isEqualTo(Source.FILE_METADATA);
    }

    @Test
    void aFreshlyScannedBookShowsTheSourceOfEachField() {
        // The title and language come from inside the file, the authors and series from its name.
        Epubs.write(app.books.resolve("[Ann Author] Trees (Forest #2).epub"), "Trees", null);
        app.scanAndShow();
        long bookId = app.bookTitled("Trees").id();
        Stage window = app.openDetail(bookId);
        BookWithFiles stored = app.stored(bookId);

        assertThat(onFx(() -> input(window, "title").getText())).isEqualTo("Trees");
        assertThat(onFx(() -> input(window, "authors").getText())).isEqualTo("Ann Author");
        assertThat(onFx(() -> input(window, "series").getText())).isEqualTo("Forest #2");
        assertThat(onFx(() -> badge(window, "title").getText())).isEqualTo("file");
        assertThat(onFx(() -> badge(window, "authors").getText())).isEqualTo("path");
        assertThat(onFx(() -> badge(window, "series").getText())).isEqualTo("path");
        assertThat(onFx(() -> badge(window, "language").getText())).isEqualTo("file");
        assertThat(onFx(() -> badge(window, "title").getStyleClass())).contains("source-badge", "source-file");
        assertThat(onFx(() -> badge(window, "authors").getStyleClass())).contains("source-badge", "source-path");
        Label tags = badge(window, "tags");
        assertThat(onFx(tags::getText)).as("never set: no badge").isEmpty();
        assertThat(onFx(tags::isVisible)).isFalse();
        // Every badge says what the database says.
        for (BookField<?> field : BookField.values()) {
            assertThat(onFx(() -> badge(window, field.jsonName()).getText())).as(field.jsonName())
                    .isEqualTo(FieldForm.badgeText(stored.book().fields().source(field)));
        }
        for (FileField<?> field : List.of(FileField.PUBLISHER, FileField.RELEASE_DATE, FileField.LANGUAGE,
                FileField.IDENTIFIERS, FileField.NARRATORS)) {
            assertThat(onFx(() -> badge(window, field.jsonName()).getText())).as(field.jsonName())
                    .isEqualTo(FieldForm.badgeText(stored.files().get(0).fields().source(field)));
        }
    }

    @Test
    void oneWindowPerBookThatClosesWhenTheBookIsRemoved() {
        Epubs.write(app.books.resolve("Dune.epub"), "Dune", "Frank Herbert");
        app.scanAndShow();
        long bookId = app.bookTitled("Dune").id();
        Stage window = app.openDetail(bookId);
        assertThat(onFx(window::getTitle)).isEqualTo("Dune");
        assertThat(onFx(() -> window.getOwner())).isNull();

        onFx(() -> {
            app.context().bookWindows().open(bookId, true);
            return null;
        });
        assertThat(onFx(() -> Window.getWindows().stream().filter(w -> w instanceof Stage s && "Dune".equals(s.getTitle()))
                .count())).isEqualTo(1L);
        await("opening again with edit puts the cursor in the title", () -> input(window, "title").isFocused());

        onFx(() -> {
            app.context().model().removed(bookId);
            return null;
        });
        await("the window closes", () -> !window.isShowing());
        assertThat(onFx(() -> app.context().bookWindows().window(bookId))).isEmpty();
    }

    /** Replaces a field's text by typing, as a user does. */
    private static void retype(FxRobot robot, TextInputControl field, String text) {
        DetailWindowFixture.scrollTo(field);
        robot.clickOn(field);
        robot.push(KeyCode.END);
        int length = onFx(() -> field.getText().length());
        if (length > 0) {
            robot.eraseText(length);
        }
        if (!text.isEmpty()) {
            robot.write(text);
        }
        assertThat(onFx(() -> field.getText())).isEqualTo(text);
    }

    /** Runs "Scan for new metadata" from the file's "⋯" and waits for the {@code n}th "Metadata scanned". */
    private void scanFile(FxRobot robot, Stage window, long fileId, int n) {
        DetailWindowFixture.clickMore(robot, rowOf(window, fileId));
        robot.clickOn(BookMenus.SCAN);
        await("the scan ends", () -> app.context().notifier().shown().stream()
                .filter(m -> m.equals(info(ResyncActions.SCANNED))).count() == n);
    }

    private static Notifier.Message info(String text) {
        return new Notifier.Message(Notifier.Kind.INFO, text);
    }
}
