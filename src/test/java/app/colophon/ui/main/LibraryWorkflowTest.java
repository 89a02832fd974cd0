package app.colophon.ui.main;

import app.colophon.model.BookSummary;
import app.colophon.model.Contributor;
import app.colophon.testsupport.Epubs;
import app.colophon.ui.UiHarness;
import app.colophon.ui.common.Notifier;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import javafx.scene.control.skin.VirtualFlow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static app.colophon.ui.main.MainWindowTest.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** First run: the empty state, adding a library, the scan's progress and its cancel; and a big grid. */
@ExtendWith(ApplicationExtension.class)
class LibraryWorkflowTest {

    @TempDir
    static Path temp;

    private UiHarness ui;

    @Start
    void start(Stage stage) throws Exception {
        ui = new UiHarness(Files.createTempDirectory(temp, "case"));
        ui.show(stage);
    }

    @AfterEach
    void close() {
        ui.close();
    }

    @Test
    void firstRunShowsTheEmptyStateInvitingToAddALibrary(FxRobot robot) {
        waitUntil(() -> robot.lookup(".empty-state").query().isVisible());

        assertThat(robot.lookup("#emptyAddButton").queryButton().getText()).isEqualTo("Add library…");
    }

    @Test
    void addingALibraryScansItWithProgressAndShowsItsBooks(FxRobot robot) {
        for (int i = 0; i < 300; i++) {
            Epubs.write(ui.books.resolve("book" + i + ".epub"), "Book " + i, "Author " + i);
        }
        ui.answerFolderChooserWith(ui.books);
        List<Double> progress = new ArrayList<>();
        robot.interact(() -> robot.lookup("#scanProgress").queryAs(ProgressBar.class).progressProperty()
                .addListener((o, was, now) -> progress.add(now.doubleValue())));

        robot.clickOn("#emptyAddButton");

        UiHarness.waitUntil(60, () -> ui.context.model().books().size() == 300);
        assertThat(progress).anySatisfy(p -> assertThat(p).isGreaterThan(0).isLessThanOrEqualTo(1));
        assertThat(robot.lookup(".library-list .list-cell").queryAllAs(javafx.scene.control.ListCell.class))
                .anySatisfy(c -> assertThat(c.getText()).isEqualTo("books"));
        assertThat(robot.lookup(".empty-state").query().isVisible()).isFalse();
        assertThat(MainWindowTest.tileOrNull(robot, "Book 0")).isNotNull();
    }

    @Test
    void theGridFillsWhileAFirstScanRunsInsteadOfStayingEmptyUntilTheEnd(FxRobot robot) {
        // enough books that the scan outlasts the first reload, 0.25 s in (1,500 were all read by then on a fast day)
        int books = 6_000;
        for (int i = 0; i < books; i++) {
            Epubs.write(ui.books.resolve("book" + i + ".epub"), "Book " + i, null);
        }
        ui.answerFolderChooserWith(ui.books);
        List<Integer> shownWhileScanning = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> ui.context.model().books().addListener((javafx.collections.ListChangeListener<BookSummary>) c -> {
            if (ui.context.scans().runningProperty().get()) {
                shownWhileScanning.add(ui.context.model().books().size());
            }
        }));

        robot.clickOn("#emptyAddButton");

        UiHarness.waitUntil(60, () -> shownStartingWith("Scan finished"));
        UiHarness.waitUntil(60, () -> ui.context.model().books().size() == books);
        assertThat(shownWhileScanning).as("books shown before the scan ended")
                .anySatisfy(n -> assertThat(n).isBetween(1, books - 1));
    }

    @Test
    void cancellingAScanKeepsAUsableLibraryThatTheNextScanCompletes(FxRobot robot) {
        int books = 6_000;
        // enough books that the scan is still reading when the click lands (1,500 were all read first once reading
        // got faster)
        for (int i = 0; i < books; i++) {
            Epubs.write(ui.books.resolve("book" + i + ".epub"), "Book " + i, null);
        }
        ui.answerFolderChooserWith(ui.books);
        robot.clickOn("#emptyAddButton");
        waitUntil(() -> robot.lookup("#cancelScanButton").query().isVisible());

        robot.clickOn("#cancelScanButton");

        UiHarness.waitUntil(60, () -> shownStartingWith("Scan cancelled"));
        int kept = ui.context.model().books().size();
        assertThat(kept).isLessThan(books);
        robot.clickOn("#scanButton");
        UiHarness.waitUntil(60, () -> shownStartingWith("Scan finished"));
        UiHarness.waitUntil(60, () -> ui.context.model().books().size() == books);
    }

    @Test
    void aGridOfTenThousandBooksHoldsOnlyTheVisibleTilesAsNodes(FxRobot robot) {
        List<BookSummary> books = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            books.add(new BookSummary(i + 1, 1, "Book " + i, null, List.of(Contributor.author("Author " + i)),
                    List.of(), Instant.EPOCH, null));
        }
        robot.interact(() -> ui.context.model().setAll(books));
        waitUntil(() -> !robot.lookup(".book-tile").queryAll().isEmpty());

        int tiles = robot.lookup(".book-tile").queryAll().size();
        assertThat(tiles).isGreaterThan(0).isLessThan(200);

        VirtualFlow<?> rows = robot.lookup(".book-grid .virtual-flow").queryAs(VirtualFlow.class);
        robot.interact(() -> rows.scrollTo(rows.getCellCount() - 1));
        assertThat(robot.lookup(".book-tile").queryAll().size()).isLessThan(200);
        waitUntil(() -> MainWindowTest.tileOrNull(robot, "Book 9999") != null);
    }

    private boolean shownStartingWith(String prefix) {
        return ui.context.notifier().shown().stream().map(Notifier.Message::text).anyMatch(t -> t.startsWith(prefix));
    }
}
