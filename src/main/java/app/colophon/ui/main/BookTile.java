package app.colophon.ui.main;

import app.colophon.ui.books.BookMenus;
import app.colophon.ui.books.LibraryModel;
import app.colophon.ui.common.Texts;
import app.colophon.model.BookSummary;
import app.colophon.ui.common.CoverImages;
import app.colophon.ui.common.CoverView;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Window;
import org.controlsfx.control.GridCell;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * One tile of the cover grid: cover (or placeholder), title, authors, a "⋯" menu, a context menu and a spinner; a
 * book whose files are all gone from disk is dimmed and badged "Missing".
 */
final class BookTile extends GridCell<BookSummary> {

    static final double COVER_WIDTH = 130;
    static final double COVER_HEIGHT = 195;

    private static final PseudoClass SELECTED_TILE = PseudoClass.getPseudoClass("selected");
    static final PseudoClass MISSING = PseudoClass.getPseudoClass("missing");
    static final String MISSING_BADGE = "Missing";

    private final LongProperty bookId = new SimpleLongProperty(-1);
    /** The last book this tile showed, kept across the momentary empty state of a layout pass. */
    private long shownBookId = -1;
    /** The book whose cover this tile waits for; read by the cover loader to drop requests scrolled past. */
    private volatile long wantedCoverOf = -1;
    private final CoverView cover = new CoverView(COVER_WIDTH, COVER_HEIGHT);
    private final ProgressIndicator spinner = new ProgressIndicator();
    private final Label missingBadge = new Label(MISSING_BADGE);
    private final Label title = new Label();
    private final Label authors = new Label();
    private final VBox content;
    private final CoverImages covers;

    BookTile(LibraryModel model, CoverImages covers, LongFunction<BookMenus.Actions> actions,
             Selection selection, List<BookSummary> shown, Consumer<BookSummary> open) {
        this.covers = covers;
        getStyleClass().add("book-tile");
        BooleanBinding busy = Bindings.createBooleanBinding(() -> model.busyBooks().contains(bookId.get()),
                model.busyBooks(), bookId);
        BookMenus.Actions forThisTile = BookMenus.forCurrent(() -> bookId.get() < 0 ? null : bookId.get(),
                actions::apply, true);
        MenuButton more = BookMenus.moreButton(forThisTile, busy);
        setContextMenu(BookMenus.contextMenu(forThisTile, busy));

        spinner.getStyleClass().add("tile-spinner");
        spinner.visibleProperty().bind(busy);
        spinner.setMaxSize(48, 48);
        missingBadge.getStyleClass().add("missing-badge");
        missingBadge.setVisible(false);
        StackPane.setAlignment(missingBadge, Pos.TOP_LEFT);
        StackPane coverStack = new StackPane(cover, missingBadge, spinner);
        title.getStyleClass().add("tile-title");
        authors.getStyleClass().add("tile-authors");
        title.setMaxWidth(COVER_WIDTH);
        authors.setMaxWidth(COVER_WIDTH - 30);
        HBox bottom = new HBox(authors, more);
        HBox.setHgrow(authors, Priority.ALWAYS);
        bottom.setAlignment(Pos.CENTER_LEFT);
        content = new VBox(4, coverStack, title, bottom);
        content.setAlignment(Pos.TOP_CENTER);
        content.setVisible(false);
        setGraphic(content);

        Runnable markSelection = () -> pseudoClassStateChanged(SELECTED_TILE, bookId.get() >= 0 && selection.contains(bookId.get()));
        selection.ids().addListener((javafx.collections.SetChangeListener<Long>) c -> markSelection.run());
        bookId.addListener((o, was, now) -> markSelection.run());
        setOnMouseClicked(e -> {
            if (getItem() == null || e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            selection.click(getItem().id(), e.isShortcutDown(), e.isShiftDown(), shown);
            if (e.getClickCount() == 2) {
                open.accept(getItem());
            }
        });
    }

    @Override
    protected void updateItem(BookSummary book, boolean empty) {
        super.updateItem(book, empty);
        if (empty || book == null) {
            // ControlsFX empties and refills every cell of a row on each layout pass; hiding at once would take
            // an open "⋯" menu out of the scene and close it. Hide only if the cell is still empty afterwards.
            bookId.set(-1);
            Platform.runLater(() -> content.setVisible(!isEmpty()));
            return;
        }
        content.setVisible(true);
        missingBadge.setVisible(book.missing());
        pseudoClassStateChanged(MISSING, book.missing());
        boolean sameBook = shownBookId == book.id();
        shownBookId = book.id();
        bookId.set(book.id());
        title.setText(Texts.visible(book.title()));
        authors.setText(Texts.names(book.authors()));
        if (!sameBook || !cover.hasImage()) {
            cover.showPlaceholder(Texts.visible(book.title()));
        }
        wantedCoverOf = book.id();
        double scale = outputScale();
        covers.load(book.coverFileId(), COVER_WIDTH * scale, COVER_HEIGHT * scale, image -> {
            if (getItem() != null && getItem().id() == book.id()) {
                cover.setImage(image);
            }
        }, () -> wantedCoverOf == book.id());
    }

    long bookId() {
        return bookId.get();
    }

    /** Device pixels per layout pixel where the tile is shown (2 on a Retina or 200% screen): covers are made so. */
    private double outputScale() {
        Window window = getScene() == null ? null : getScene().getWindow();
        return window != null ? window.getOutputScaleX() : Screen.getPrimary().getOutputScaleX();
    }
}
