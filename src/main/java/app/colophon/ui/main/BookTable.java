package app.colophon.ui.main;

import app.colophon.ui.books.ActionCells;
import app.colophon.ui.books.BookMenus;
import app.colophon.ui.books.LibraryModel;
import app.colophon.ui.common.Texts;
import app.colophon.model.BookSummary;
import app.colophon.model.SeriesEntry;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

/** Sets up the list view: sortable columns, a "⋯" column with a spinner, a context menu per row. */
final class BookTable {


    static final double MORE_WIDTH = 48;

    private BookTable() {
    }

    static void configure(TableView<BookSummary> table, LibraryModel model, SortKeys keys,
                          LongFunction<BookMenus.Actions> actions, Consumer<BookSummary> open) {
        TableColumn<BookSummary, BookSummary> title = column("Title", BookSummary::title, Sorting.TITLE, keys, 300);
        title.setCellFactory(c -> new TitleCell());
        TableColumn<BookSummary, BookSummary> authors = column("Authors",
                b -> Texts.names(b.authors()), Sorting.AUTHOR, keys, 200);
        TableColumn<BookSummary, BookSummary> series = column("Series",
                b -> b.series().stream().map(SeriesEntry::display).collect(Collectors.joining("; ")), Sorting.SERIES, keys, 160);
        TableColumn<BookSummary, BookSummary> added = column("Added", b -> Texts.date(b.addedAt()),
                Sorting.DATE_ADDED, keys, 120);
        TableColumn<BookSummary, BookSummary> more = new TableColumn<>("");
        more.setSortable(false);
        // The "⋯" column keeps its width and the others share what is left: at the first-run window size it was
        // pushed out of view behind a horizontal scroll bar.
        more.setPrefWidth(MORE_WIDTH);
        more.setMinWidth(MORE_WIDTH);
        more.setMaxWidth(MORE_WIDTH);
        more.setResizable(false);
        more.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        more.setCellFactory(c -> new ActionCells.MoreCell<>(model.busyBooks(), BookSummary::id, b -> actions.apply(b.id()), true));
        table.getColumns().setAll(title, authors, series, added, more);
        table.setRowFactory(t -> new ActionCells.ActionRow<>(model.busyBooks(), BookSummary::id,
                b -> actions.apply(b.id()), true, open, BookSummary::missing));
        // Rows of one height let the table skip measuring them, which matters with 100,000 rows.
        table.setFixedCellSize(30);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getStyleClass().add("book-table");
    }

    /** The title, after a "Missing" badge when the book's files are all gone from disk. */
    private static final class TitleCell extends TableCell<BookSummary, BookSummary> {
        private final Label badge = new Label(BookTile.MISSING_BADGE);

        TitleCell() {
            badge.getStyleClass().add("missing-badge");
        }

        @Override
        protected void updateItem(BookSummary item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : Texts.visible(item.title()));
            setGraphic(!empty && item != null && item.missing() ? badge : null);
        }
    }

    /** A column whose value is the book itself: shown as {@code text}, sorted by the precomputed keys. */
    private static TableColumn<BookSummary, BookSummary> column(String name, Function<BookSummary, String> text,
                                                                 Sorting order, SortKeys keys, double width) {
        TableColumn<BookSummary, BookSummary> column = new TableColumn<>(name);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(BookSummary item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        });
        column.setComparator(order.comparator(keys));
        column.setPrefWidth(width);
        return column;
    }
}
