package app.colophon.ui.main;

import app.colophon.model.BookSummary;
import app.colophon.testsupport.Epubs;
import app.colophon.ui.UiHarness;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.controlsfx.control.GridView;
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

import static org.assertj.core.api.Assertions.assertThat;

/** The Sort box, its direction and the list's headers show one order; a search that finds nothing says so. */
@ExtendWith(ApplicationExtension.class)
class SortAndSearchWindowTest {

    @TempDir
    static Path temp;

    private UiHarness ui;

    @Start
    void start(Stage stage) throws Exception {
        ui = new UiHarness(Files.createTempDirectory(temp, "case"));
        Epubs.write(ui.books.resolve("a.epub"), "Emma", "Jane Austen");
        Epubs.write(ui.books.resolve("b.epub"), "Dune", "Frank Herbert");
        Epubs.write(ui.books.resolve("c.epub"), "Walden", "Henry David Thoreau");
        ui.scannedLibrary();
        ui.show(stage);
    }

    @AfterEach
    void close() {
        ui.close();
    }

    @Test
    void clickingTheAuthorsHeaderChoosesAuthorInTheSortBoxAndClickingAgainTurnsItRound(FxRobot robot) {
        robot.clickOn("List");
        robot.clickOn(header(robot, "Authors"));

        assertThat(sortBox(robot).getValue()).isEqualTo(Sorting.AUTHOR);
        assertThat(titles(robot)).containsExactly("Emma", "Dune", "Walden");

        robot.clickOn(header(robot, "Authors"));

        assertThat(descending(robot).isSelected()).isTrue();
        assertThat(titles(robot)).containsExactly("Walden", "Dune", "Emma");
    }

    @Test
    void choosingInTheSortBoxMarksThatHeaderAndTheDirectionButtonTurnsBothViewsRound(FxRobot robot) {
        robot.interact(() -> sortBox(robot).setValue(Sorting.AUTHOR));
        robot.clickOn("List");
        TableView<?> table = robot.lookup("#table").queryAs(TableView.class);
        assertThat(table.getSortOrder()).singleElement().satisfies(c -> assertThat(c.getText()).isEqualTo("Authors"));

        robot.clickOn(descending(robot));

        assertThat(table.getSortOrder().get(0).getSortType()).isEqualTo(javafx.scene.control.TableColumn.SortType.DESCENDING);
        assertThat(titles(robot)).containsExactly("Walden", "Dune", "Emma");
        robot.clickOn("Grid");
        assertThat(descending(robot).isSelected()).as("still descending in the grid").isTrue();
        assertThat(gridTitles(robot)).containsExactly("Walden", "Dune", "Emma");
    }

    @Test
    void aSearchThatFindsNothingSaysSoAndOffersToClearIt(FxRobot robot) {
        robot.clickOn("#searchField").write("zebra");

        UiHarness.waitUntil(() -> robot.lookup("#noMatches").query().isVisible());
        assertThat(robot.lookup("#noMatchesTitle").queryAs(Label.class).getText()).isEqualTo("No books match “zebra”");

        robot.clickOn("#clearFiltersButton");

        UiHarness.waitUntil(() -> !robot.lookup("#noMatches").query().isVisible());
        assertThat(gridTitles(robot)).hasSize(3);
    }

    /** The list's column header (the sidebar's browser has an "Authors" heading too). */
    private static javafx.scene.Node header(FxRobot robot, String name) {
        return robot.lookup(".table-view .column-header .label").queryAllAs(Label.class).stream()
                .filter(l -> name.equals(l.getText())).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<Sorting> sortBox(FxRobot robot) {
        return robot.lookup("#sortBox").queryAs(ComboBox.class);
    }

    private static ToggleButton descending(FxRobot robot) {
        return robot.lookup("#sortDescending").queryAs(ToggleButton.class);
    }

    @SuppressWarnings("unchecked")
    private static List<String> titles(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#table").queryAs(TableView.class).getItems().stream()
                .map(b -> ((BookSummary) b).title()).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> gridTitles(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        GridView<BookSummary> grid = robot.lookup("#grid").queryAs(GridView.class);
        return grid.getItems().stream().map(BookSummary::title).toList();
    }
}
