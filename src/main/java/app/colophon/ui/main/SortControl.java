package app.colophon.ui.main;

import app.colophon.model.BookSummary;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;

import java.util.Comparator;
import java.util.Map;
import java.util.prefs.Preferences;

/**
 * One order for both views: the Sort box and its ascending/descending button, and the list's column headers, show
 * and set the same order. Clicking a header chooses that order in the box; choosing in the box marks that header.
 * The books are sorted once, by the comparator here, never by the table itself.
 */
final class SortControl {

    private final ComboBox<Sorting> box;
    private final ToggleButton descending;
    private final TableView<BookSummary> table;
    private final Map<TableColumn<BookSummary, ?>, Sorting> columns;
    private final ObjectBinding<Comparator<BookSummary>> comparator;
    /** While the headers are set from the box, their changes are not taken back into it. */
    private boolean syncing;

    SortControl(ComboBox<Sorting> box, ToggleButton descending, TableView<BookSummary> table,
                Map<TableColumn<BookSummary, ?>, Sorting> columns, SortKeys keys, Preferences prefs) {
        this.box = box;
        this.descending = descending;
        this.table = table;
        this.columns = columns;
        box.getItems().setAll(Sorting.values());
        box.setValue(Sorting.saved(prefs));
        descending.setSelected(prefs.getBoolean("sortDescending", false));
        box.valueProperty().addListener((o, was, now) -> prefs.put("sort", now.name()));
        descending.selectedProperty().addListener((o, was, now) -> prefs.putBoolean("sortDescending", now));
        showDirection();
        descending.selectedProperty().addListener((o, was, now) -> showDirection());

        comparator = Bindings.createObjectBinding(() -> {
            Comparator<BookSummary> order = box.getValue().comparator(keys);
            return descending.isSelected() ? order.reversed() : order;
        }, box.valueProperty(), descending.selectedProperty());

        table.setSortPolicy(t -> true); // the SortedList under the table is ordered by this class's comparator
        columns.keySet().forEach(c -> c.sortTypeProperty().addListener((o, was, now) -> takeFromHeaders()));
        table.getSortOrder().addListener((ListChangeListener<TableColumn<BookSummary, ?>>) c -> takeFromHeaders());
        box.valueProperty().addListener((o, was, now) -> showInHeaders());
        descending.selectedProperty().addListener((o, was, now) -> showInHeaders());
        showInHeaders();
        table.visibleProperty().addListener((o, was, now) -> {
            if (now) {
                showInHeaders();
            }
        });
    }

    ObjectBinding<Comparator<BookSummary>> comparator() {
        return comparator;
    }

    private void showDirection() {
        descending.setText(descending.isSelected() ? "↓" : "↑");
        descending.setTooltip(new Tooltip(descending.isSelected() ? "Descending (click for ascending)"
                : "Ascending (click for descending)"));
        descending.setAccessibleText(descending.isSelected() ? "Descending" : "Ascending");
    }

    /** A header was clicked: its order (and direction) becomes the box's. A third click, which unsorts, reverts. */
    private void takeFromHeaders() {
        if (syncing || !table.isVisible()) {
            return; // only a user clicks headers, on a list on screen; the table's own resets are not choices
        }
        if (table.getSortOrder().isEmpty()) {
            descending.setSelected(false);
            showInHeaders();
            return;
        }
        TableColumn<BookSummary, ?> first = table.getSortOrder().get(0);
        Sorting order = columns.get(first);
        if (order == null) {
            showInHeaders();
            return;
        }
        syncing = true;
        try {
            box.setValue(order);
            descending.setSelected(first.getSortType() == TableColumn.SortType.DESCENDING);
        } finally {
            syncing = false;
        }
        showInHeaders();
    }

    private void showInHeaders() {
        if (syncing) {
            return;
        }
        syncing = true;
        try {
            TableColumn<BookSummary, ?> column = columns.entrySet().stream()
                    .filter(e -> e.getValue() == box.getValue()).map(Map.Entry::getKey).findFirst().orElse(null);
            if (column == null) {
                table.getSortOrder().clear();
                return;
            }
            column.setSortType(descending.isSelected() ? TableColumn.SortType.DESCENDING : TableColumn.SortType.ASCENDING);
            if (table.getSortOrder().size() != 1 || table.getSortOrder().get(0) != column) {
                table.getSortOrder().setAll(column);
            }
        } finally {
            syncing = false;
        }
    }
}
