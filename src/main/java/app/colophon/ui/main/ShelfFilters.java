package app.colophon.ui.main;

import app.colophon.model.BookSummary;
import app.colophon.ui.books.LibraryModel;
import javafx.animation.PauseTransition;
import javafx.scene.control.TextField;
import javafx.util.Duration;

import java.util.function.Predicate;

/**
 * What narrows the books shown: the search box, the browser's chosen entries and the "Missing" entry, all at once.
 * When books change (a resync, an edit, a removal), the counts and the search are asked again a moment later, once
 * for a burst of changes.
 */
final class ShelfFilters {

    private final BookShelf shelf;
    private final TextField searchField;
    private final SearchFilter search;
    private final Browser browser;
    private final MissingEntry missing;
    private final PauseTransition settle = new PauseTransition(Duration.millis(400));

    ShelfFilters(BookShelf shelf, TextField searchField, SearchFilter search, Browser browser, MissingEntry missing,
                 LibraryModel model) {
        this.shelf = shelf;
        this.searchField = searchField;
        this.search = search;
        this.browser = browser;
        this.missing = missing;
        search.matchingProperty().addListener((o, was, now) -> apply());
        browser.chosenProperty().addListener((o, was, now) -> apply());
        missing.selectedProperty().addListener((o, was, now) -> apply());
        settle.setOnFinished(e -> {
            browser.refresh();
            search.search();
        });
        model.onBookEvent(event -> settle.playFromStart());
    }

    /** The library now shown: its counts, and the search asked of its books. */
    void libraryShown(long libraryId) {
        browser.show(libraryId);
        search.setLibrary(libraryId);
    }

    /** After a scan or a reload: the books may be others now. */
    void booksReloaded() {
        settle.playFromStart();
    }

    void clear() {
        searchField.clear();
        browser.clear();
        missing.clear();
    }

    private void apply() {
        IdSet found = search.matchingProperty().get();
        IdSet chosen = browser.chosenProperty().get();
        Predicate<BookSummary> filter = missing.filter();
        if (found != null) {
            filter = filter.and(b -> found.contains(b.id()));
        }
        if (chosen != null) {
            filter = filter.and(b -> chosen.contains(b.id()));
        }
        shelf.setFilter(filter);
    }
}
