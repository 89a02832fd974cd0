package app.colophon.ui.common;

import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;

/**
 * A book cover of a fixed size: the image when there is one, else a generated placeholder in one of a few
 * colours (picked from the title, so a book keeps its colour) showing the title.
 */
public final class CoverView extends StackPane {

    private static final int PLACEHOLDER_COLOURS = 8;
    private static final PseudoClass[] PLACEHOLDERS = new PseudoClass[PLACEHOLDER_COLOURS];

    static {
        for (int i = 0; i < PLACEHOLDER_COLOURS; i++) {
            PLACEHOLDERS[i] = PseudoClass.getPseudoClass("placeholder-" + i);
        }
    }

    private final ImageView image = new ImageView();
    private final Label placeholderTitle = new Label();

    public CoverView(double width, double height) {
        getStyleClass().add("cover");
        setMinSize(width, height);
        setPrefSize(width, height);
        setMaxSize(width, height);
        image.setFitWidth(width);
        image.setFitHeight(height);
        image.setPreserveRatio(true);
        image.setSmooth(true);
        placeholderTitle.getStyleClass().add("cover-placeholder-title");
        placeholderTitle.setWrapText(true);
        placeholderTitle.setMaxWidth(width - 16);
        StackPane.setAlignment(placeholderTitle, Pos.CENTER);
        getChildren().addAll(placeholderTitle, image);
    }

    /** Shows the placeholder for {@code title} until {@link #setImage} brings a real cover. */
    public void showPlaceholder(String title) {
        image.setImage(null);
        placeholderTitle.setText(title == null ? "" : title);
        placeholderTitle.setVisible(true);
        colour(Math.floorMod(title == null ? 0 : title.hashCode(), PLACEHOLDER_COLOURS));
    }

    public void setImage(Image cover) {
        if (cover == null) {
            return;
        }
        image.setImage(cover);
        placeholderTitle.setVisible(false);
        colour(-1);
    }

    /**
     * Pseudo-classes, not style classes: a reused grid cell changes colour on every scroll step, and a style class
     * change makes JavaFX resolve the whole tile's CSS again, a pseudo-class change only switches state.
     */
    private void colour(int index) {
        for (int i = 0; i < PLACEHOLDER_COLOURS; i++) {
            pseudoClassStateChanged(PLACEHOLDERS[i], i == index);
        }
    }

    public boolean hasImage() {
        return image.getImage() != null;
    }
}
