package app.colophon.ui.main;

import app.colophon.model.BookSummary;
import app.colophon.ui.books.BookMenus;
import app.colophon.ui.books.LibraryModel;
import app.colophon.ui.common.CoverImages;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.ComboBox;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.skin.VirtualFlow;
import org.controlsfx.control.GridView;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import java.util.prefs.Preferences;

/**
 * The books of the shown library as a cover grid or a list, filtered and sorted the same way in both, with one
 * selection shared by both. Only the view on screen holds the books: a hidden TableView still lays out and follows
 * every change of 100,000 rows, which cost a third of a second when the window opened.
 */
final class BookShelf {

    private final GridView<BookSummary> grid;
    private final TableView<BookSummary> table;
    private final FilteredList<BookSummary> filtered;
    private final SortedList<BookSummary> sorted;
    private final Selection selection = new Selection();
    /** While the list's selection is being set from the shared one, its changes are not echoed back. */
    private boolean syncing;

    BookShelf(GridView<BookSummary> grid, TableView<BookSummary> table, ToggleButton gridToggle, ToggleButton listToggle,
              ComboBox<Sorting> sortBox, ToggleButton sortDescending, LibraryModel model, CoverImages covers,
              SortKeys sortKeys, Preferences prefs,
              LongFunction<BookMenus.Actions> actions, Consumer<BookSummary> open) {
        this.grid = grid;
        this.table = table;
        // Sorted first, then filtered: a new search refilters the sorted books in one pass and one change. Filtered
        // first, the sorted list took the search's change range by range, seconds for tens of thousands of books.
        this.sorted = new SortedList<>(model.books());
        this.filtered = new FilteredList<>(sorted);

        grid.setCellWidth(BookTile.COVER_WIDTH + 16);
        grid.setCellHeight(BookTile.COVER_HEIGHT + 64);
        grid.setHorizontalCellSpacing(12);
        grid.setVerticalCellSpacing(12);
        grid.setCellFactory(g -> new BookTile(model, covers, actions, selection, filtered, open));
        grid.skinProperty().addListener((o, was, skin) -> fixRowHeight());

        SortControl sort = new SortControl(sortBox, sortDescending, table, BookTable.configure(table, model, actions, open),
                sortKeys, prefs);
        sorted.comparatorProperty().bind(sort.comparator());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<BookSummary>) c -> {
            if (!syncing && table.isVisible()) {
                selection.setAll(table.getSelectionModel().getSelectedItems().stream().map(BookSummary::id).toList());
            }
        });

        boolean list = "list".equals(prefs.get("view", "grid"));
        listToggle.setSelected(list);
        gridToggle.setSelected(!list);
        grid.visibleProperty().bind(gridToggle.selectedProperty());
        table.visibleProperty().bind(listToggle.selectedProperty());
        ObservableList<BookSummary> none = FXCollections.emptyObservableList();
        grid.itemsProperty().bind(Bindings.when(gridToggle.selectedProperty()).<ObservableList<BookSummary>>then(filtered).otherwise(none));
        table.itemsProperty().bind(Bindings.when(listToggle.selectedProperty()).<ObservableList<BookSummary>>then(filtered).otherwise(none));
        listToggle.selectedProperty().addListener((o, was, now) -> {
            prefs.put("view", now ? "list" : "grid");
            if (now) {
                showSelectionInList();
            }
        });
        // A toggle group lets the selected button be clicked off; one of the two views must stay chosen.
        gridToggle.setOnAction(e -> gridToggle.setSelected(true));
        listToggle.setOnAction(e -> listToggle.setSelected(true));
    }

    /**
     * Every grid row has the same height (GridRowSkin: cell height plus twice the spacing). Telling the flow so
     * spares it from measuring rows to estimate the scroll range, which took seconds with 100,000 books.
     */
    private void fixRowHeight() {
        if (grid.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            flow.setFixedCellSize(grid.getCellHeight() + grid.getVerticalCellSpacing() * 2);
        }
    }

    void setFilter(Predicate<BookSummary> filter) {
        filtered.setPredicate(filter);
    }

    /** The books as shown: sorted, then filtered. */
    FilteredList<BookSummary> filtered() {
        return filtered;
    }

    Selection selection() {
        return selection;
    }

    /** Ctrl+A: every book shown. */
    void selectAll() {
        selection.setAll(filtered.stream().map(BookSummary::id).toList());
        showSelectionInList();
    }

    private void showSelectionInList() {
        if (!table.isVisible()) {
            return;
        }
        syncing = true;
        try {
            table.getSelectionModel().clearSelection();
            for (int i = 0; i < filtered.size(); i++) {
                if (selection.contains(filtered.get(i).id())) {
                    table.getSelectionModel().select(i);
                }
            }
        } finally {
            syncing = false;
        }
    }
}
