package colophon.bench;

import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Cell;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.controlsfx.control.GridView;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Starts the real desktop application ({@code app.colophon.Main} without arguments, i.e. {@code ColophonApp}, the
 * same start-up path as the installed launcher) over a scanned data folder and measures:
 * <ul>
 *   <li>{@code window.shown_s}: from JVM start until the grid holds every book (the {@code .book-grid}'s items) and a
 *       laid-out {@code .book-tile} shows a book (checked at the start of each pulse, so the previous pulse's
 *       layout and render are done);</li>
 *   <li>{@code window.heap_mb}: heap in use after three {@code System.gc()} with the grid shown;</li>
 *   <li>scrolling: an {@link AnimationTimer} scrolls the grid's {@link VirtualFlow} on every pulse, first like a
 *       mouse wheel ({@code scrollPixels}), then like dragging the scroll bar from top to bottom
 *       ({@code setPosition} in equal steps); the pulse-to-pulse gaps are recorded: max, p95 and the number over
 *       100 ms ("stalls");</li>
 *   <li>then the same for the list: the "List" toggle is fired ({@code window.list_switch_ms}: until the table holds
 *       every book and shows rows) and its {@link VirtualFlow} scrolled alike ({@code window.list_*}).</li>
 * </ul>
 * The data folder comes from {@code COLOPHON_HOME} (as for the app); run with a private
 * {@code -Djava.util.prefs.userRoot=…} so remembered window state does not leak in, under {@code xvfb-run} with
 * {@code -Dprism.order=sw}. Args: {@code <dataDir> <expectedBooks> [wheelFrames=300] [wheelPx=120]
 * [dragFrames=600]}; {@code dataDir} must equal {@code COLOPHON_HOME}. Prints {@code key=value} lines.
 */
public final class WindowBench {

    static Path dataDir;
    static int expected;
    static int wheelFrames = 300;
    static double wheelPx = 120;
    static int dragFrames = 600;
    /** After the grid, switch to the list and scroll it the same way ({@code -Dcolophon.bench.list=false}: grid only). */
    static boolean listScrolling = !"false".equals(System.getProperty("colophon.bench.list"));
    static long mainNanos;

    private WindowBench() {
    }

    public static void main(String[] args) throws Exception {
        mainNanos = System.nanoTime();
        dataDir = Path.of(args[0]).toAbsolutePath().normalize();
        expected = Integer.parseInt(args[1]);
        if (args.length > 2) {
            wheelFrames = Integer.parseInt(args[2]);
        }
        if (args.length > 3) {
            wheelPx = Double.parseDouble(args[3]);
        }
        if (args.length > 4) {
            dragFrames = Integer.parseInt(args[4]);
        }
        String home = System.getenv("COLOPHON_HOME");
        if (home == null || !Path.of(home).toAbsolutePath().normalize().equals(dataDir)) {
            out("window.error=set COLOPHON_HOME=" + dataDir + " (the app reads its data folder from there)");
            System.exit(2);
        }
        startApp(Long.getLong("colophon.bench.windowTimeoutSeconds", 900), "window", () -> new Probe().start());
    }

    /**
     * Starts the real application with {@code probe} run on the FX thread as soon as the toolkit runs (before that,
     * runLater throws), and a watchdog that prints {@code <prefix>.error=timeout} and halts after {@code seconds}.
     */
    static void startApp(long seconds, String prefix, Runnable probe) throws Exception {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(seconds * 1000);
            } catch (InterruptedException e) {
                return;
            }
            out(prefix + ".error=timeout");
            Runtime.getRuntime().halt(3);
        }, "bench-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        Thread installer = new Thread(() -> {
            while (true) {
                try {
                    Platform.runLater(probe);
                    return;
                } catch (IllegalStateException notYet) {
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }, "bench-probe-installer");
        installer.setDaemon(true);
        installer.start();
        app.colophon.Main.main(new String[0]);
    }

    static double sinceJvmStart() {
        long startMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
        return (System.currentTimeMillis() - startMillis) / 1000.0;
    }

    static double sinceMain() {
        return (System.nanoTime() - mainNanos) / 1e9;
    }

    static void out(String line) {
        System.out.println(line);
        System.out.flush();
    }

    private static final class Probe extends AnimationTimer {
        private int phase;
        private long last = -1;
        private int frame;
        private final List<Double> loadGaps = new ArrayList<>();
        private final List<Double> wheelGaps = new ArrayList<>();
        private final List<Double> dragGaps = new ArrayList<>();
        private final List<Double> listWheelGaps = new ArrayList<>();
        private final List<Double> listDragGaps = new ArrayList<>();
        private long listRequested;
        private Stage stage;
        private GridView<?> grid;
        private VirtualFlow<?> flow;
        private long phaseStart;

        @Override
        public void handle(long now) {
            double gap = last < 0 ? 0 : (now - last) / 1e6;
            last = now;
            switch (phase) {
                case 0 -> {
                    if (grid == null) {
                        findGrid();
                        if (grid == null) {
                            return;
                        }
                        out(String.format(Locale.ROOT, "window.stage_shown_s=%.3f", sinceJvmStart()));
                        last = -1;
                        return;
                    }
                    loadGaps.add(gap);
                    if (grid.getItems().size() == expected && tileShown()) {
                        out(String.format(Locale.ROOT, "window.shown_s=%.3f", sinceJvmStart()));
                        out(String.format(Locale.ROOT, "window.shown_from_main_s=%.3f", sinceMain()));
                        gaps("window.load", loadGaps);
                        phase = 1;
                    }
                }
                case 1 -> {
                    // The grid is up: measure the heap it costs, then start scrolling on the next pulse.
                    for (int i = 0; i < 3; i++) {
                        System.gc();
                    }
                    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                    out(String.format(Locale.ROOT, "window.heap_mb=%.1f", used / 1048576.0));
                    out(String.format(Locale.ROOT, "window.rss_mb=%.1f", rssMb()));
                    if (Boolean.getBoolean("colophon.bench.histogram")) {
                        histogram();
                    }
                    Node node = grid.lookup(".virtual-flow");
                    if (!(node instanceof VirtualFlow<?> f)) {
                        out("window.error=no .book-grid .virtual-flow");
                        Platform.exit();
                        System.exit(4);
                        return;
                    }
                    flow = f;
                    flow.setPosition(0);
                    last = -1;
                    frame = 0;
                    phase = 2;
                    phaseStart = System.nanoTime();
                }
                case 2 -> {
                    if (frame > 0) {
                        wheelGaps.add(gap);
                        if (gap > 100) {
                            out(String.format(Locale.ROOT, "# stall: wheel frame %d, %.0f ms", frame, gap));
                        }
                    }
                    if (frame++ < wheelFrames) {
                        flow.scrollPixels(wheelPx);
                    } else {
                        out(String.format(Locale.ROOT, "window.wheel_seconds=%.2f", (System.nanoTime() - phaseStart) / 1e9));
                        gaps("window.wheel", wheelGaps);
                        frame = 0;
                        phase = 3;
                        phaseStart = System.nanoTime();
                        last = -1;
                    }
                }
                case 3 -> {
                    if (frame > 0) {
                        dragGaps.add(gap);
                        if (gap > 100) {
                            out(String.format(Locale.ROOT, "# stall: drag frame %d, %.0f ms", frame, gap));
                        }
                    }
                    if (frame++ < dragFrames) {
                        flow.setPosition(Math.min(1.0, frame / (double) dragFrames));
                    } else {
                        out(String.format(Locale.ROOT, "window.drag_seconds=%.2f", (System.nanoTime() - phaseStart) / 1e9));
                        gaps("window.drag", dragGaps);
                        out("window.bottom_item=" + lastVisibleIndex() + " of " + expected);
                        List<Double> all = new ArrayList<>(wheelGaps);
                        all.addAll(dragGaps);
                        gaps("window.scroll", all);
                        if (!listScrolling || !(stage.getScene().lookup("#listToggle") instanceof ToggleButton list)) {
                            finish();
                            return;
                        }
                        // the list view, as a user switches to it: the table takes the books, then is scrolled alike
                        list.fire();
                        listRequested = System.nanoTime();
                        phase = 4;
                    }
                }
                case 4 -> {
                    if (!(stage.getScene().lookup(".book-table") instanceof TableView<?> table) || table.getItems().size() != expected
                            || !(table.lookup(".virtual-flow") instanceof VirtualFlow<?> f) || f.getCellCount() == 0) {
                        return;
                    }
                    out(String.format(Locale.ROOT, "window.list_switch_ms=%.1f", (System.nanoTime() - listRequested) / 1e6));
                    flow = f;
                    flow.setPosition(0);
                    frame = 0;
                    last = -1;
                    phase = 5;
                }
                case 5 -> {
                    if (frame > 0) {
                        listWheelGaps.add(gap);
                    }
                    if (frame++ < wheelFrames) {
                        flow.scrollPixels(wheelPx);
                    } else {
                        gaps("window.list_wheel", listWheelGaps);
                        frame = 0;
                        last = -1;
                        phase = 6;
                    }
                }
                case 6 -> {
                    if (frame > 0) {
                        listDragGaps.add(gap);
                    }
                    if (frame++ < dragFrames) {
                        flow.setPosition(Math.min(1.0, frame / (double) dragFrames));
                    } else {
                        gaps("window.list_drag", listDragGaps);
                        List<Double> all = new ArrayList<>(listWheelGaps);
                        all.addAll(listDragGaps);
                        gaps("window.list_scroll", all);
                        finish();
                    }
                }
                default -> { }
            }
        }

        private void finish() {
            stop();
            phase = 7;
            Platform.exit();
            System.exit(0);
        }

        /** The application's main window, once it shows the book grid. */
        private void findGrid() {
            for (Window w : Window.getWindows()) {
                if (w instanceof Stage s && s.isShowing() && s.getScene() != null) {
                    Node node = s.getScene().lookup(".book-grid");
                    if (node instanceof GridView<?> g) {
                        stage = s;
                        grid = g;
                        return;
                    }
                }
            }
        }

        private boolean tileShown() {
            for (Node n : grid.lookupAll(".book-tile")) {
                if (n instanceof Cell<?> c && c.getItem() != null && c.isVisible() && c.getGraphic() != null
                        && c.getGraphic().isVisible() && n.getLayoutBounds().getWidth() > 0) {
                    return true;
                }
            }
            return false;
        }

        /** The largest item index among the grid's visible rows, to show the scroll reached the end. */
        private int lastVisibleIndex() {
            int max = -1;
            for (Node n : grid.lookupAll(".book-tile")) {
                if (n instanceof IndexedCell<?> c && c.getItem() != null && c.isVisible()) {
                    max = Math.max(max, c.getIndex());
                }
            }
            return max;
        }
    }

    static void gaps(String key, List<Double> gaps) {
        if (gaps.isEmpty()) {
            return;
        }
        List<Double> sorted = new ArrayList<>(gaps);
        Collections.sort(sorted);
        double max = sorted.get(sorted.size() - 1);
        double p95 = sorted.get(Math.max(0, (int) Math.ceil(0.95 * sorted.size()) - 1));
        double mean = gaps.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        long stalls = gaps.stream().filter(g -> g > 100).count();
        out(String.format(Locale.ROOT, "%s.frames=%d", key, gaps.size()));
        out(String.format(Locale.ROOT, "%s.max_gap_ms=%.1f", key, max));
        out(String.format(Locale.ROOT, "%s.p95_gap_ms=%.1f", key, p95));
        out(String.format(Locale.ROOT, "%s.mean_gap_ms=%.1f", key, mean));
        out(String.format(Locale.ROOT, "%s.stalls=%d", key, stalls));
    }

    /** The live heap by class (what {@code jcmd GC.class_histogram} prints), top lines, prefixed with "# ". */
    static void histogram() {
        try {
            Object text = ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            String[] lines = text.toString().split("\n");
            for (int i = 0; i < Math.min(lines.length, 32); i++) {
                out("# " + lines[i]);
            }
        } catch (Exception e) {
            out("# histogram failed: " + e);
        }
    }

    static double rssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }
}
