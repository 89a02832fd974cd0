package app.colophon.ui.main;

import app.colophon.library.Facet;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;

import java.util.ArrayList;
import java.util.List;

/**
 * A browser heading whose entries become tree items only when it is opened or its entries are asked for. A library
 * of 250,000 books has tens of thousands of authors and series; making their items on the FX thread each time the
 * counts came in (when the window opened, after every scan) held the window up for ~0.15 s while it scrolled.
 * The lazy children are JavaFX's own pattern for large trees (see {@link TreeItem}'s documentation).
 */
final class BrowserHeading extends TreeItem<Browser.Node> {

    private List<Facet> pending = List.of();
    private boolean built = true;
    private int size;

    BrowserHeading(String heading) {
        super(new Browser.Node(heading, null));
    }

    String heading() {
        return getValue().heading();
    }

    /** The number of entries, without making their items. */
    int size() {
        return size;
    }

    /** New entries: made now if the heading is open (they are on screen), else when it opens. */
    void setEntries(List<Facet> entries) {
        size = entries.size();
        pending = entries;
        built = false;
        if (isExpanded()) {
            build();
        } else {
            // a closed heading's children do not change, so the tree would not redraw its count and arrow:
            // a new (equal) value tells it the heading changed
            setValue(new Browser.Node(heading(), null));
        }
    }

    /** Whether the entries' tree items are made (for tests: a closed heading does not make them). */
    boolean itemsMade() {
        return built;
    }

    @Override
    public ObservableList<TreeItem<Browser.Node>> getChildren() {
        if (!built) {
            build();
        }
        return super.getChildren();
    }

    @Override
    public boolean isLeaf() {
        return built ? super.isLeaf() : pending.isEmpty();
    }

    private void build() {
        built = true;
        List<TreeItem<Browser.Node>> items = new ArrayList<>(pending.size());
        for (Facet f : pending) {
            items.add(new TreeItem<>(new Browser.Node(heading(), f)));
        }
        pending = List.of();
        super.getChildren().setAll(items);
    }
}
