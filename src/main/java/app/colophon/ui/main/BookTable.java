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
import java.util.function.LongFunction;
import java.util.stream.Collectors;

/** Sets up the list view: sortable columns, a "⋯" column with a spinner, a context menu per row. */
final class BookTable {

    private static final DateTimeFormatter ADDED = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
            .withZone(ZoneId.systemDefault());

    private BookTable() {
    }

    static void configure(TableView<BookSummary> table, LibraryModel model, LongFunction<BookMenus.Actions> actions,
                          Consumer<BookSummary> open) {
        TableColumn<BookSummary, String> title = column("Title", b -> b.title());
        title.setComparator(Sorting.TEXT);
        title.setPrefWidth(320);
        TableColumn<BookSummary, String> authors = column("Authors",
                b -> b.authors().stream().map(Contributor::name).collect(Collectors.joining(", ")));
        authors.setComparator(Sorting.TEXT);
        authors.setPrefWidth(220);
        TableColumn<BookSummary, String> series = column("Series",
                b -> b.series().stream().map(SeriesEntry::display).collect(Collectors.joining("; ")));
        series.setComparator(Sorting.TEXT);
        series.setPrefWidth(200);
        TableColumn<BookSummary, String> added = column("Added", b -> ADDED.format(b.addedAt()));
        added.setSortable(false);
        added.setPrefWidth(120);
        TableColumn<BookSummary, BookSummary> more = new TableColumn<>("");
        more.setSortable(false);
        more.setPrefWidth(56);
        more.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        more.setCellFactory(c -> new MoreCell(model, actions));
        table.getColumns().setAll(title, authors, series, added, more);
        table.setRowFactory(t -> new BookRow(model, actions, open));
        table.getStyleClass().add("book-table");
    }

    private static TableColumn<BookSummary, String> column(String name, java.util.function.Function<BookSummary, String> value) {
        TableColumn<BookSummary, String> column = new TableColumn<>(name);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
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
