package colophon.bench;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.controlsfx.control.GridView;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Issue #15's window figures on a scanned library, through the real application (as {@link WindowBench} starts it):
 * <ul>
 *   <li>{@code shelf.search_ms}: from setting the search box's text (the last keystroke) to the first pulse after
 *       the grid holds the books it finds, for a dozen queries, each after clearing the box;</li>
 *   <li>{@code shelf.browse_ms}: from choosing a browser entry (authors, series, tags) to the first pulse after the
 *       grid holds its books;</li>
 *   <li>{@code shelf.bulk_*}: the books a search finds ({@code bulkQuery}, about a thousand in the generated
 *       100,000-book library) chosen with Ctrl+A in the grid and scanned with F5, as a user would — books per second
 *       until the status bar's job ends, and the pulse-to-pulse gaps meanwhile (a gap over 100 ms is a stall).</li>
 * </ul>
 * Args: {@code <dataDir> <expectedBooks> [bulkQuery]}; {@code COLOPHON_HOME} must equal {@code dataDir}. Prints
 * {@code key=value} lines. The bulk scan resyncs books in the data folder (a scan changes no value it has already).
 */
public final class ShelfBench {

    /** Each finds some books but not all (a query that finds every book changes nothing on screen to wait for). */
    static final List<String> QUERIES = List.of("the", "ada", "author:bauer", "author:\"=Emma Baker\"", "series:the",
            "format:pdf", "-format:epub", "\"of the\"", "bergström", "author:zoe", "ma", "clarke -format:cbz");

    static int expected;
    static String bulkQuery = "author:bauer";

    private ShelfBench() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]).toAbsolutePath().normalize();
        expected = Integer.parseInt(args[1]);
        if (args.length > 2) {
            bulkQuery = args[2];
        }
        String home = System.getenv("COLOPHON_HOME");
        if (home == null || !Path.of(home).toAbsolutePath().normalize().equals(data)) {
            WindowBench.out("shelf.error=set COLOPHON_HOME=" + data);
            System.exit(2);
        }
        WindowBench.startApp(1200, "shelf", () -> new Probe().start());
    }

    /** Steps run one after the other on the FX thread's pulses; each waits for the grid to change. */
    private static final class Probe extends AnimationTimer {
        private Stage stage;
        private GridView<?> grid;
        private TextField search;
        private TreeView<?> browser;
        private int step;
        private long asked;
        private boolean changed;
        private int waitPulses;
        private final List<Double> searchMs = new ArrayList<>();
        private final List<Double> browseMs = new ArrayList<>();
        private final List<Runnable> actions = new ArrayList<>();
        private final List<List<Double>> into = new ArrayList<>();
        private boolean bulkRunning;
        private boolean bulkSeen;
        private int bulkPhase;
        private int bulkBooks;
        private long bulkStart;
        private long last = -1;
        private final List<Double> bulkGaps = new ArrayList<>();

        @Override
        public void handle(long now) {
            if (grid == null) {
                find();
                return;
            }
            if (step == 0) {
                if (grid.getItems().size() != expected) {
                    return;
                }
                WindowBench.out(String.format(Locale.ROOT, "shelf.window_shown_s=%.3f", WindowBench.sinceJvmStart()));
                grid.getItems().addListener((ListChangeListener<Object>) c -> changed = true);
                grid.itemsProperty().addListener((o, was, n) -> changed = true);
                plan();
                step = 1;
                waitPulses = 30; // let the browser's counts arrive first
                return;
            }
            if (waitPulses > 0) {
                waitPulses--;
                return;
            }
            int i = step - 1;
            if (i < actions.size()) {
                if (asked == 0) {
                    changed = false;
                    asked = System.nanoTime();
                    actions.get(i).run();
                    return;
                }
                if (changed || System.nanoTime() - asked > 10_000_000_000L) {
                    if (into.get(i) != null) {
                        into.get(i).add((System.nanoTime() - asked) / 1e6);
                    }
                    asked = 0;
                    step++;
                }
                return;
            }
            bulk(now);
        }

        private void plan() {
            for (String q : QUERIES) {
                add(() -> search.setText(q), searchMs);
                add(() -> search.setText(""), null);
            }
            for (String heading : List.of("Authors", "Series", "Tags")) {
                for (int k = 0; k < 4; k++) {
                    int entry = k * 7;
                    add(() -> chooseEntry(heading, entry), browseMs);
                    add(() -> browser.getSelectionModel().clearSelection(), null);
                }
            }
        }

        private void add(Runnable action, List<Double> record) {
            actions.add(action);
            into.add(record);
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private void chooseEntry(String heading, int index) {
            for (Object h : ((TreeItem) browser.getRoot()).getChildren()) {
                TreeItem item = (TreeItem) h;
                if (item.getValue().toString().contains("heading=" + heading + ",")) {
                    item.setExpanded(true);
                    if (item.getChildren().size() > index) {
                        ((TreeView) browser).getSelectionModel().clearSelection();
                        ((TreeView) browser).getSelectionModel().select(item.getChildren().get(index));
                    } else {
                        changed = true; // nothing to choose: no wait
                    }
                }
            }
        }

        @SuppressWarnings("unchecked")
        private void bulk(long now) {
            if (bulkPhase == 0) {
                report("shelf.search", searchMs);
                report("shelf.browse", browseMs);
                browser.getSelectionModel().clearSelection();
                changed = false;
                search.setText(bulkQuery);
                bulkPhase = 1;
                return;
            }
            if (bulkPhase == 1) {
                if (!changed) {
                    return;
                }
                bulkBooks = grid.getItems().size();
                grid.requestFocus();
                Event.fireEvent(grid, new KeyEvent(KeyEvent.KEY_PRESSED, "a", "a", KeyCode.A, false, true, false, false));
                Event.fireEvent(grid, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.F5, false, false, false, false));
                bulkPhase = 2;
                bulkSeen = true;
                bulkStart = System.nanoTime();
                last = -1;
                return;
            }
            Node box = stage.getScene().lookup("#bulkBox");
            if (last >= 0) {
                bulkGaps.add((now - last) / 1e6);
            }
            last = now;
            if (box.isVisible()) {
                bulkRunning = true;
            } else if (bulkRunning || System.nanoTime() - bulkStart > 5_000_000_000L) {
                double s = (System.nanoTime() - bulkStart) / 1e9;
                WindowBench.out(String.format(Locale.ROOT, "shelf.bulk_books=%d", bulkBooks));
                WindowBench.out(String.format(Locale.ROOT, "shelf.bulk_seconds=%.2f", s));
                WindowBench.out(String.format(Locale.ROOT, "shelf.bulk_books_per_s=%.0f", bulkBooks / s));
                WindowBench.gaps("shelf.bulk", bulkGaps);
                stop();
                Platform.exit();
                System.exit(0);
            }
        }

        private void find() {
            for (Window w : Window.getWindows()) {
                if (w instanceof Stage s && s.isShowing() && s.getScene() != null
                        && s.getScene().lookup(".book-grid") instanceof GridView<?> g) {
                    stage = s;
                    grid = g;
                    search = (TextField) s.getScene().lookup("#searchField");
                    browser = (TreeView<?>) s.getScene().lookup("#browserTree");
                }
            }
        }
    }

    static void report(String key, List<Double> ms) {
        if (ms.isEmpty()) {
            return;
        }
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        WindowBench.out(String.format(Locale.ROOT, "%s.count=%d", key, ms.size()));
        WindowBench.out(String.format(Locale.ROOT, "%s.p50_ms=%.1f", key, sorted.get(sorted.size() / 2)));
        WindowBench.out(String.format(Locale.ROOT, "%s.p95_ms=%.1f", key,
                sorted.get(Math.max(0, (int) Math.ceil(0.95 * sorted.size()) - 1))));
        WindowBench.out(String.format(Locale.ROOT, "%s.max_ms=%.1f", key, sorted.get(sorted.size() - 1)));
    }
}
