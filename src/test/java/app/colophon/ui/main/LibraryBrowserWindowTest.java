package app.colophon.ui.main;

import app.colophon.library.Facet;
import app.colophon.model.BookField;
import app.colophon.model.BookSummary;
import app.colophon.testsupport.Epubs;
import app.colophon.ui.UiHarness;
import app.colophon.ui.books.BookMenus;
import app.colophon.ui.bulkedit.BulkEdit;
import app.colophon.ui.library.LibraryActions;
import app.colophon.ui.remove.ExcludedFiles;
import app.colophon.ui.remove.RemoveBooks;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
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

import static app.colophon.ui.main.MainWindowTest.openContextMenu;
import static app.colophon.ui.main.MainWindowTest.openMoreMenu;
import static app.colophon.ui.main.MainWindowTest.tile;
import static app.colophon.ui.main.MainWindowTest.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** The sidebar's browser, the search language in the search box, removing books and editing several at once. */
@ExtendWith(ApplicationExtension.class)
class LibraryBrowserWindowTest {

    @TempDir
    static Path temp;

    private UiHarness ui;

    @Start
    void start(Stage stage) throws Exception {
        ui = new UiHarness(Files.createTempDirectory(temp, "case"));
        Epubs.writeOpf(ui.books.resolve("hound.epub"), series("The Hound of the Baskervilles", "Arthur Conan Doyle", "Sherlock Holmes", 3));
        Epubs.writeOpf(ui.books.resolve("study.epub"), series("A Study in Scarlet", "Arthur Conan Doyle", "Sherlock Holmes", 1));
        Epubs.writeOpf(ui.books.resolve("sign.epub"), series("The Sign of the Four", "Arthur Conan Doyle", "Sherlock Holmes", 2));
        Epubs.write(ui.books.resolve("emma.epub"), "Emma", "Jane Austen");
        Epubs.write(ui.books.resolve("jane.epub"), "Jane Eyre", "Charlotte Brontë");
        ui.scannedLibrary();
        ui.show(stage);
    }

    private static String series(String title, String author, String series, int number) {
        return Epubs.metadata(title, author) + "<meta name=\"calibre:series\" content=\"" + series + "\"/>"
                + "<meta name=\"calibre:series_index\" content=\"" + number + "\"/>";
    }

    @AfterEach
    void close() {
        ui.close();
    }

    @Test
    void theBrowserListsAuthorsBySortNameWithTheirCounts(FxRobot robot) {
        Browser browser = browser(robot);

        assertThat(browser.entries("Authors")).extracting(Facet::name)
                .containsExactly("Jane Austen", "Charlotte Brontë", "Arthur Conan Doyle");
        assertThat(browser.entries("Authors")).extracting(Facet::count).containsExactly(1L, 1L, 3L);
        assertThat(browser.entries("Series")).extracting(Facet::name, Facet::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Sherlock Holmes", 3L));
    }

    /** A closed heading shows how many entries it has, and its arrow, before its entries are made. */
    @Test
    void closedHeadingsShowTheirNumberOfEntriesAndCanBeOpened(FxRobot robot) {
        waitUntil(() -> "3".equals(headingCount(robot, "Authors")));

        assertThat(headingCount(robot, "Series")).isEqualTo("1");
        assertThat(headingCount(robot, "Problems")).isEmpty();
        assertThat(robot.lookup(".facet-heading").queryAllAs(javafx.scene.control.TreeCell.class))
                .filteredOn(c -> c.getItem() != null && ((Browser.Node) c.getItem()).heading().equals("Authors"))
                .singleElement().satisfies(c -> assertThat(c.getDisclosureNode().isVisible()).isTrue());
    }

    private static String headingCount(FxRobot robot, String heading) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(".facet-heading").queryAllAs(javafx.scene.control.TreeCell.class).stream()
                .filter(c -> c.getItem() != null && ((Browser.Node) c.getItem()).heading().equals(heading))
                .map(c -> ((javafx.scene.control.Label) c.lookup(".facet-count")).getText())
                .findFirst().orElse(null);
    }

    @Test
    void everyBookOfOneAuthorInTwoClicks(FxRobot robot) {
        robot.clickOn("Authors");
        robot.clickOn("Arthur Conan Doyle");

        waitUntil(() -> gridTitles(robot).size() == 3);
        assertThat(gridTitles(robot)).allSatisfy(t -> assertThat(t).isIn(
                "The Hound of the Baskervilles", "A Study in Scarlet", "The Sign of the Four"));
    }

    @Test
    void aSeriesEntryShowsItsBooksInSeriesOrder(FxRobot robot) {
        robot.interact(() -> browser(robot).choose("Series", "Sherlock Holmes"));

        waitUntil(() -> gridTitles(robot).size() == 3);
        assertThat(gridTitles(robot)).containsExactly("A Study in Scarlet", "The Sign of the Four",
                "The Hound of the Baskervilles");
    }

    @Test
    void theSearchBoxSpeaksTheSearchLanguage(FxRobot robot) {
        robot.clickOn("#searchField").write("series:\"Sherlock\" -hound");

        waitUntil(() -> gridTitles(robot).size() == 2);
        assertThat(gridTitles(robot)).containsExactlyInAnyOrder("A Study in Scarlet", "The Sign of the Four");
    }

    @Test
    void anAccentlessSearchFindsTheAccentedAuthor(FxRobot robot) {
        robot.clickOn("#searchField").write("author:bronte");

        waitUntil(() -> gridTitles(robot).equals(List.of("Jane Eyre")));
    }

    @Test
    void aPhraseBeingTypedSearchesBeforeItsClosingQuote(FxRobot robot) {
        robot.clickOn("#searchField").write("series:\"Sherlock Hol");

        waitUntil(() -> gridTitles(robot).size() == 3);
        assertThat(robot.lookup("#searchField").query().getPseudoClassStates()).doesNotContain(SearchFilter.INVALID);
    }

    @Test
    void aSearchTheLanguageRefusesMarksTheBoxAndSaysWhyInItsTooltip(FxRobot robot) {
        robot.interact(() -> robot.lookup("#searchField").queryAs(javafx.scene.control.TextField.class).setText("has:nonsense"));

        waitUntil(() -> robot.lookup("#searchField").query().getPseudoClassStates().contains(SearchFilter.INVALID));
        assertThat(robot.lookup("#searchField").queryAs(javafx.scene.control.TextField.class).getTooltip().getText())
                .contains("has:nonsense");
        assertThat(gridTitles(robot)).hasSize(5);
    }

    @Test
    void removingABookAsksAndItStaysRemovedAfterTheNextScan(FxRobot robot) {
        openMoreMenu(robot, tile(robot, "Emma"));
        robot.clickOn(BookMenus.REMOVE);
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(dialog.getContentText()).isEqualTo(RemoveBooks.text("“Emma”"));
        robot.clickOn(RemoveBooks.REMOVE);

        waitUntil(() -> !gridTitles(robot).contains("Emma"));
        assertThat(ui.books.resolve("emma.epub")).as("the file stays on disk").exists();
        robot.clickOn("#scanButton");
        UiHarness.waitUntil(30, () -> ui.context.notifier().shown().stream().anyMatch(m -> m.text().startsWith("Scan finished")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(gridTitles(robot)).doesNotContain("Emma").hasSize(4);
    }

    @Test
    void deleteRemovesTheSelectionAfterOneQuestionNamingTheCount(FxRobot robot) {
        robot.clickOn(tile(robot, "Emma").lookup(".tile-title"));
        robot.press(KeyCode.CONTROL).clickOn(tile(robot, "Jane Eyre").lookup(".tile-title")).release(KeyCode.CONTROL);
        robot.type(KeyCode.DELETE);

        assertThat(robot.lookup(".dialog-pane").queryAs(DialogPane.class).getContentText())
                .isEqualTo(RemoveBooks.text("2 books"));
        robot.clickOn(RemoveBooks.REMOVE);

        waitUntil(() -> gridTitles(robot).size() == 3);
        assertThat(ui.colophon.libraries().excluded(null)).hasSize(2);
    }

    @Test
    void anExcludedFileIsRestoredFromTheLibraryMenuAndComesBack(FxRobot robot) {
        long emma = id("Emma");
        ui.colophon.libraries().removeBooks(List.of(emma));
        robot.interact(() -> ui.context.model().removed(emma));

        openContextMenu(robot, robot.lookup(".library-list .list-cell").nth(0).query());
        robot.clickOn(LibraryActions.EXCLUDED);
        assertThat(robot.lookup(".excluded-files").tryQuery()).isPresent();
        robot.clickOn(ExcludedFiles.RESTORE.getText());

        UiHarness.waitUntil(30, () -> gridTitles(robot).contains("Emma"));
        assertThat(ui.colophon.libraries().excluded(null)).isEmpty();
    }

    @Test
    void editOnSeveralBooksAddsATagToEachOfThem(FxRobot robot) {
        robot.clickOn(tile(robot, "Emma").lookup(".tile-title"));
        robot.press(KeyCode.CONTROL).clickOn(tile(robot, "Jane Eyre").lookup(".tile-title")).release(KeyCode.CONTROL);
        openContextMenu(robot, tile(robot, "Jane Eyre"));
        robot.clickOn(BookMenus.EDIT);

        robot.interact(() -> robot.lookup("#tags-choice").queryAs(ChoiceBox.class).getSelectionModel().select(1));
        robot.clickOn("#tags-values").write("classics");
        robot.clickOn(BulkEdit.APPLY.getText());

        waitUntil(() -> ui.context.notifier().shown().stream().anyMatch(m -> m.text().equals("Edited 2 books")));
        for (String title : List.of("Emma", "Jane Eyre")) {
            assertThat(ui.colophon.libraries().book(id(title)).orElseThrow().book().fields().list(BookField.TAGS))
                    .containsExactly("classics");
        }
        waitUntil(() -> browser(robot).entries("Tags").stream().anyMatch(f -> f.name().equals("classics") && f.count() == 2));
    }

    private long id(String title) {
        return ui.context.model().books().stream().filter(b -> title.equals(b.title())).map(BookSummary::id)
                .findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Browser browser(FxRobot robot) {
        TreeView<Browser.Node> tree = robot.lookup("#browserTree").queryAs(TreeView.class);
        return (Browser) tree.getProperties().get(Browser.class);
    }

    @SuppressWarnings("unchecked")
    private static List<String> gridTitles(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        GridView<BookSummary> grid = robot.lookup("#grid").queryAs(GridView.class);
        return grid.getItems().stream().map(BookSummary::title).toList();
    }
}
