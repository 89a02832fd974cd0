package colophon.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Summarises a JFR recording for the README: where the CPU samples are (own method, first Colophon frame,
 * inclusive Colophon methods, threads), where allocation goes, and GC totals.
 *
 * <pre>JfrTop &lt;file.jfr&gt; [top=25] [threadRegex]</pre>
 *
 * Java samples ({@code jdk.ExecutionSample}) only see threads running Java code; time in native code (SQLite,
 * file reads, inflation) shows in {@code jdk.NativeMethodSample}, and waiting in {@code jdk.ThreadPark}.
 */
public final class JfrTop {

    private static final String OURS = "app.colophon.";

    private JfrTop() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        java.util.regex.Pattern threadFilter = args.length > 2 ? java.util.regex.Pattern.compile(args[2]) : null;
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> firstOurs = new HashMap<>();
        Map<String, Long> inclusive = new HashMap<>();
        Map<String, Long> threads = new HashMap<>();
        Map<String, Long> allocTop = new HashMap<>();
        Map<String, Long> allocClass = new HashMap<>();
        Map<String, Long> allocOurs = new HashMap<>();
        long samples = 0;
        long allocTotal = 0;
        long gcCount = 0;
        Duration gcPause = Duration.ZERO;
        Duration longestPause = Duration.ZERO;
        long maxHeapUsed = 0;
        long nativeSamples = 0;
        Map<String, Long> nativeThreads = new HashMap<>();
        Map<String, Long> nativeTop = new HashMap<>();
        Map<String, Long> nativeOurs = new HashMap<>();
        Map<String, Long> parkMs = new HashMap<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            String type = e.getEventType().getName();
            switch (type) {
                case "jdk.ExecutionSample" -> {
                    String thread = threadName(e.getThread("sampledThread"));
                    if (threadFilter != null && !threadFilter.matcher(thread).find()) {
                        continue;
                    }
                    samples++;
                    threads.merge(group(thread), 1L, Long::sum);
                    RecordedStackTrace st = e.getStackTrace();
                    if (st == null || st.getFrames().isEmpty()) {
                        continue;
                    }
                    List<RecordedFrame> frames = st.getFrames();
                    self.merge(name(frames.get(0)), 1L, Long::sum);
                    Set<String> seen = new HashSet<>();
                    boolean first = true;
                    for (RecordedFrame f : frames) {
                        String n = name(f);
                        if (n.startsWith(OURS)) {
                            if (first) {
                                firstOurs.merge(n, 1L, Long::sum);
                                first = false;
                            }
                            if (seen.add(n)) {
                                inclusive.merge(n, 1L, Long::sum);
                            }
                        }
                    }
                    if (first) {
                        firstOurs.merge("(no Colophon frame) " + name(frames.get(frames.size() - 1)), 1L, Long::sum);
                    }
                }
                case "jdk.NativeMethodSample" -> {
                    String thread = threadName(e.getThread("sampledThread"));
                    if (threadFilter != null && !threadFilter.matcher(thread).find()) {
                        continue;
                    }
                    nativeSamples++;
                    nativeThreads.merge(group(thread), 1L, Long::sum);
                    RecordedStackTrace st = e.getStackTrace();
                    if (st != null && !st.getFrames().isEmpty()) {
                        nativeTop.merge(name(st.getFrames().get(0)), 1L, Long::sum);
                        nativeOurs.merge(firstOurs(st), 1L, Long::sum);
                    }
                }
                case "jdk.ThreadPark", "jdk.JavaMonitorEnter", "jdk.JavaMonitorWait" -> {
                    String thread = threadName(e.getThread("eventThread"));
                    if ((threadFilter != null && !threadFilter.matcher(thread).find())
                            || thread.equals("Common-Cleaner") || thread.startsWith("JFR ")) {
                        continue;
                    }
                    RecordedStackTrace st = e.getStackTrace();
                    String where = st == null ? "?" : firstOurs(st);
                    parkMs.merge(group(thread) + " in " + where, e.getDuration().toMillis(), Long::sum);
                }
                case "jdk.ObjectAllocationSample" -> {
                    if (threadFilter != null && !threadFilter.matcher(threadName(e.getThread("eventThread"))).find()) {
                        continue;
                    }
                    long w = e.getLong("weight");
                    allocTotal += w;
                    allocClass.merge(e.getClass("objectClass").getName(), w, Long::sum);
                    RecordedStackTrace st = e.getStackTrace();
                    if (st != null && !st.getFrames().isEmpty()) {
                        allocTop.merge(name(st.getFrames().get(0)), w, Long::sum);
                        String ours = "(no Colophon frame)";
                        for (RecordedFrame f : st.getFrames()) {
                            if (name(f).startsWith(OURS)) {
                                ours = name(f);
                                break;
                            }
                        }
                        allocOurs.merge(ours, w, Long::sum);
                    }
                }
                case "jdk.GarbageCollection" -> {
                    gcCount++;
                    Duration d = e.getDuration("sumOfPauses");
                    gcPause = gcPause.plus(d);
                    if (d.compareTo(longestPause) > 0) {
                        longestPause = d;
                    }
                }
                case "jdk.GCHeapSummary" -> maxHeapUsed = Math.max(maxHeapUsed, e.getLong("heapUsed"));
                default -> { }
            }
        }
        System.out.printf(Locale.ROOT, "## %s: %d CPU samples%n%n", file.getFileName(), samples);
        print("Threads (samples)", threads, samples, top);
        print("Hottest methods (self, top frame)", self, samples, top);
        print("First Colophon frame on the stack (where our code spends, incl. libraries it calls)", firstOurs, samples, top);
        print("Colophon methods, inclusive", inclusive, samples, top);
        System.out.printf(Locale.ROOT, "### Native code (jdk.NativeMethodSample): %d samples%n%n", nativeSamples);
        print("Threads in native code (samples)", nativeThreads, nativeSamples, 10);
        print("Native: first Colophon frame", nativeOurs, nativeSamples, 15);
        print("Native: top frame", nativeTop, nativeSamples, 10);
        System.out.println("### Waiting (park / monitor events over 10 ms), total ms by thread and first Colophon frame "
                + "(a pool thread \"in java.lang.Thread.run\" is idle, waiting for work)\n");
        System.out.println("| ms | thread in method |\n|---:|---|");
        parkMs.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
                .forEach(en -> System.out.printf(Locale.ROOT, "| %d | `%s` |%n", en.getValue(), en.getKey()));
        System.out.println();
        System.out.printf(Locale.ROOT, "### Allocation (sampled): %.1f MB total%n%n", allocTotal / 1048576.0);
        printBytes("By class", allocClass, allocTotal, 15);
        printBytes("By top frame", allocTop, allocTotal, 15);
        printBytes("By first Colophon frame", allocOurs, allocTotal, 15);
        System.out.printf(Locale.ROOT, "### GC: %d collections, %.0f ms paused in total, longest %.0f ms, max heap used %.0f MB%n%n",
                gcCount, gcPause.toNanos() / 1e6, longestPause.toNanos() / 1e6, maxHeapUsed / 1048576.0);
    }

    private static String group(String thread) {
        return thread.replaceAll("\\d+", "N");
    }

    private static String firstOurs(RecordedStackTrace st) {
        for (RecordedFrame f : st.getFrames()) {
            if (name(f).startsWith(OURS)) {
                return name(f);
            }
        }
        List<RecordedFrame> frames = st.getFrames();
        return frames.isEmpty() ? "?" : "(no Colophon frame) " + name(frames.get(frames.size() - 1));
    }

    private static String threadName(RecordedThread t) {
        return t == null ? "?" : t.getJavaName() != null ? t.getJavaName() : t.getOSName();
    }

    private static String name(RecordedFrame f) {
        RecordedMethod m = f.getMethod();
        if (m == null) {
            return "?";
        }
        return m.getType().getName() + "." + m.getName();
    }

    private static void print(String title, Map<String, Long> counts, long total, int top) {
        System.out.println("### " + title + "\n");
        System.out.println("| samples | % | method |\n|---:|---:|---|");
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf(Locale.ROOT, "| %d | %.1f | `%s` |%n", e.getValue(),
                        100.0 * e.getValue() / Math.max(1, total), e.getKey()));
        System.out.println();
    }

    private static void printBytes(String title, Map<String, Long> bytes, long total, int top) {
        System.out.println("#### " + title + "\n");
        System.out.println("| MB | % | where |\n|---:|---:|---|");
        bytes.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf(Locale.ROOT, "| %.1f | %.1f | `%s` |%n", e.getValue() / 1048576.0,
                        100.0 * e.getValue() / Math.max(1, total), e.getKey()));
        System.out.println();
    }
}
