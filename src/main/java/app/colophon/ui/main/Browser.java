package app.colophon.ui.main;

import app.colophon.library.Facet;
import app.colophon.library.Facets;
import app.colophon.ui.common.FxTasks;
import app.colophon.ui.common.Notifier;
import app.colophon.ui.common.Texts;
import app.colophon.ui.common.UiServices;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The sidebar's browser: Authors, Series, Genres, Tags, Formats, Languages and Problems, each entry with its count of
 * books, each heading collapsible. Choosing entries filters the books: entries of one heading add up (either author),
 * headings narrow each other (this author, in this series). The counts come from the store; what an entry finds is
 * its own search ({@link Facet#query()}), so the browser and the search box agree by construction.
 */
final class Browser {

    /** A heading or an entry under it. */
    record Node(String heading, Facet facet) {
        boolean isHeading() {
            return facet == null;
        }
    }

    static final List<String> HEADINGS = List.of("Authors", "Series", "Genres", "Tags", "Formats", "Languages", "Problems");

    private final TreeView<Node> tree;
    private final UiServices services;
    private final FxTasks tasks;
    private final Notifier notifier;
    private final TreeItem<Node> root = new TreeItem<>(new Node("", null));
    private final ReadOnlyObjectWrapper<IdSet> chosen = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Facet> chosenSeries = new ReadOnlyObjectWrapper<>();
    private long libraryId = -1;
    /** Reads started; only the latest one's answer is shown (a library switch or a rescan overtakes older reads). */
    private long reads;
    private boolean refilling;

    Browser(TreeView<Node> tree, UiServices services, FxTasks tasks, Notifier notifier) {
        this.tree = tree;
        this.services = services;
        this.tasks = tasks;
        this.notifier = notifier;
        tree.getProperties().put(Browser.class, this); // for tests, which find the browser through its tree
        tree.setRoot(root);
        tree.setShowRoot(false);
        tree.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        tree.setCellFactory(t -> new EntryCell());
        for (String heading : HEADINGS) {
            root.getChildren().add(new BrowserHeading(heading));
        }
        tree.getSelectionModel().getSelectedItems().addListener((ListChangeListener<TreeItem<Node>>) c -> {
            if (!refilling) {
                choose();
            }
        });
    }

    /** The ids of the books the chosen entries find; null when no entry is chosen (no filter). */
    ReadOnlyObjectProperty<IdSet> chosenProperty() {
        return chosen.getReadOnlyProperty();
    }

    /** The one series entry chosen, if only a series is: its books are shown in series order. */
    ReadOnlyObjectProperty<Facet> chosenSeriesProperty() {
        return chosenSeries.getReadOnlyProperty();
    }

    /** Shows the lists of library {@code id} (null: none), keeping what was chosen and open where it still exists. */
    void show(long id) {
        if (id != libraryId) {
            libraryId = id;
            clear();
        }
        refresh();
    }

    /** Reads the counts again, e.g. after a scan or an edit. */
    void refresh() {
        long library = libraryId;
        if (library < 0) {
            return;
        }
        long read = ++reads;
        tasks.run(() -> services.libraries().facets(library), facets -> {
            if (read == reads && library == libraryId) {
                fill(facets);
            }
        }, e -> notifier.unexpected("Could not read the library's authors, series and tags", e));
    }

    void clear() {
        tree.getSelectionModel().clearSelection();
        chosen.set(null);
        chosenSeries.set(null);
    }

    private void fill(Facets facets) {
        Map<String, List<Facet>> lists = new LinkedHashMap<>();
        lists.put("Authors", facets.authors());
        lists.put("Series", facets.series());
        lists.put("Genres", facets.genres());
        lists.put("Tags", facets.tags());
        lists.put("Formats", facets.formats());
        lists.put("Languages", facets.languages());
        lists.put("Problems", facets.problems());
        Set<String> wasChosen = new HashSet<>();
        Set<String> withChosen = new HashSet<>();
        tree.getSelectionModel().getSelectedItems().forEach(i -> {
            if (i != null && !i.getValue().isHeading()) {
                wasChosen.add(key(i.getValue()));
                withChosen.add(i.getValue().heading());
            }
        });
        refilling = true;
        try {
            tree.getSelectionModel().clearSelection();
            for (BrowserHeading heading : headings()) {
                heading.setEntries(lists.getOrDefault(heading.heading(), List.of()));
            }
            for (BrowserHeading heading : headings()) {
                if (!withChosen.contains(heading.heading())) {
                    continue; // its entries stay unmade until it opens
                }
                for (TreeItem<Node> entry : heading.getChildren()) {
                    if (wasChosen.contains(key(entry.getValue()))) {
                        tree.getSelectionModel().select(entry);
                    }
                }
            }
        } finally {
            refilling = false;
        }
        choose();
    }

    private List<BrowserHeading> headings() {
        return root.getChildren().stream().map(BrowserHeading.class::cast).toList();
    }

    private static String key(Node node) {
        return node.heading() + "\n" + node.facet().query();
    }

    /** The chosen entries' books: the union within a heading, the intersection across headings. */
    private void choose() {
        Map<String, List<Facet>> byHeading = new LinkedHashMap<>();
        for (TreeItem<Node> item : List.copyOf(tree.getSelectionModel().getSelectedItems())) {
            if (item != null && !item.getValue().isHeading()) {
                byHeading.computeIfAbsent(item.getValue().heading(), h -> new ArrayList<>()).add(item.getValue().facet());
            }
        }
        List<Facet> series = byHeading.getOrDefault("Series", List.of());
        chosenSeries.set(byHeading.size() == 1 && series.size() == 1 ? series.get(0) : null);
        if (byHeading.isEmpty()) {
            chosen.set(null);
            return;
        }
        long library = libraryId;
        long read = ++reads;
        tasks.run(() -> IdSet.of(books(library, byHeading)), ids -> {
            if (read == reads) {
                chosen.set(ids);
            }
        }, e -> notifier.unexpected("Could not filter the books", e));
    }

    private Set<Long> books(long library, Map<String, List<Facet>> byHeading) {
        Set<Long> result = null;
        for (List<Facet> entries : byHeading.values()) {
            Set<Long> any = new LinkedHashSet<>();
            for (Facet f : entries) {
                any.addAll(services.libraries().search(library, f.query()));
            }
            if (result == null) {
                result = any;
            } else {
                result.retainAll(any);
            }
        }
        return result;
    }

    /** A heading or an entry: its name and, right-aligned, its count. */
    private static final class EntryCell extends TreeCell<Node> {
        private final Label name = new Label();
        private final Label count = new Label();
        private final HBox box;

        EntryCell() {
            // As wide as the sidebar, not as the longest name: a long name is cut short (with its tooltip), and the
            // count stays in view on the right instead of behind a horizontal scroll bar.
            setPrefWidth(0);
            name.setMinWidth(0);
            name.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(name, Priority.ALWAYS);
            count.getStyleClass().add("facet-count");
            count.setMinWidth(Region.USE_PREF_SIZE);
            box = new HBox(6, name, count);
            // A click on a heading opens or closes it and leaves the chosen entries as they are.
            addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
                if (getItem() != null && getItem().isHeading() && getTreeItem() != null) {
                    getTreeItem().setExpanded(!getTreeItem().isExpanded());
                    e.consume();
                }
            });
        }

        @Override
        protected void updateItem(Node item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove("facet-heading");
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            setText(null);
            if (item.isHeading()) {
                getStyleClass().add("facet-heading");
                name.setText(item.heading());
                int entries = getTreeItem() instanceof BrowserHeading h ? h.size() : 0;
                count.setText(entries == 0 ? "" : String.valueOf(entries));
                setTooltip(null);
            } else {
                name.setText(Texts.visible(item.facet().name()));
                count.setText(String.valueOf(item.facet().count()));
                setTooltip(new Tooltip(name.getText() + " — " + count(item.facet().count())));
            }
            setGraphic(box);
        }
    }

    private static String count(long books) {
        return books == 1 ? "1 book" : books + " books";
    }

    /** For tests: the entries under a heading. */
    List<Facet> entries(String heading) {
        return root.getChildren().stream().filter(h -> h.getValue().heading().equals(heading)).findFirst()
                .map(h -> h.getChildren().stream().map(TreeItem::getValue).map(Node::facet).toList())
                .orElse(List.of());
    }

    /** For tests and keys: chooses the entry of {@code heading} named {@code name}, alone. */
    boolean choose(String heading, String name) {
        Function<TreeItem<Node>, Boolean> match = i -> i.getValue().facet() != null
                && i.getValue().facet().name().equals(name);
        for (TreeItem<Node> h : root.getChildren()) {
            if (h.getValue().heading().equals(heading)) {
                for (TreeItem<Node> e : h.getChildren()) {
                    if (match.apply(e)) {
                        h.setExpanded(true);
                        tree.getSelectionModel().clearSelection();
                        tree.getSelectionModel().select(e);
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
