package app.colophon.ui.main;

import app.colophon.model.BookSummary;
import app.colophon.model.Contributor;
import app.colophon.model.SeriesEntry;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleLongProperty;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

/** Sets up the list view: sortable columns, a "⋯" column with a spinner, a context menu per row. */
final class BookTable {

    private static final DateTimeFormatter ADDED = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
            .withZone(ZoneId.systemDefault());

    private BookTable() {
    }

    static void configure(TableView<BookSummary> table, LibraryModel model, SortKeys keys,
                          LongFunction<BookMenus.Actions> actions, Consumer<BookSummary> open) {
        TableColumn<BookSummary, BookSummary> title = column("Title", BookSummary::title, Sorting.TITLE, keys, 320);
        TableColumn<BookSummary, BookSummary> authors = column("Authors",
                b -> b.authors().stream().map(Contributor::name).collect(Collectors.joining(", ")), Sorting.AUTHOR, keys, 220);
        TableColumn<BookSummary, BookSummary> series = column("Series",
                b -> b.series().stream().map(SeriesEntry::display).collect(Collectors.joining("; ")), Sorting.SERIES, keys, 200);
        TableColumn<BookSummary, BookSummary> added = column("Added", b -> ADDED.format(b.addedAt()),
                Sorting.DATE_ADDED, keys, 120);
        TableColumn<BookSummary, BookSummary> more = new TableColumn<>("");
        more.setSortable(false);
        more.setPrefWidth(56);
        more.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        more.setCellFactory(c -> new MoreCell(model, actions));
        table.getColumns().setAll(title, authors, series, added, more);
        table.setRowFactory(t -> new BookRow(model, actions, open));
        // Rows of one height let the table skip measuring them, which matters with 100,000 rows.
        table.setFixedCellSize(30);
        table.getStyleClass().add("book-table");
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

    /** The "⋯" button, replaced by a spinner while the row's book resyncs. */
    static final class MoreCell extends TableCell<BookSummary, BookSummary> {
        private final LongProperty bookId = new SimpleLongProperty(-1);
        private final StackPane box;

        MoreCell(LibraryModel model, LongFunction<BookMenus.Actions> actions) {
            BooleanBinding busy = Bindings.createBooleanBinding(() -> model.busyBooks().contains(bookId.get()),
                    model.busyBooks(), bookId);
            MenuButton button = BookMenus.moreButton(BookMenus.forCurrent(actions, bookId::get), busy);
            ProgressIndicator spinner = new ProgressIndicator();
            spinner.getStyleClass().add("row-spinner");
            spinner.setMaxSize(18, 18);
            spinner.visibleProperty().bind(busy);
            button.visibleProperty().bind(busy.not());
            box = new StackPane(button, spinner);
        }

        @Override
        protected void updateItem(BookSummary item, boolean empty) {
            super.updateItem(item, empty);
            bookId.set(empty || item == null ? -1 : item.id());
            setGraphic(empty || item == null ? null : box);
        }
    }

    static final class BookRow extends TableRow<BookSummary> {
        private final LongProperty bookId = new SimpleLongProperty(-1);

        BookRow(LibraryModel model, LongFunction<BookMenus.Actions> actions, Consumer<BookSummary> open) {
            BooleanBinding busy = Bindings.createBooleanBinding(() -> model.busyBooks().contains(bookId.get()),
                    model.busyBooks(), bookId);
            var menu = BookMenus.contextMenu(BookMenus.forCurrent(actions, bookId::get), busy);
            contextMenuProperty().bind(Bindings.when(emptyProperty()).then((javafx.scene.control.ContextMenu) null).otherwise(menu));
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && getItem() != null) {
                    open.accept(getItem());
                }
            });
        }

        @Override
        protected void updateItem(BookSummary item, boolean empty) {
            super.updateItem(item, empty);
            bookId.set(empty || item == null ? -1 : item.id());
        }
    }

}
