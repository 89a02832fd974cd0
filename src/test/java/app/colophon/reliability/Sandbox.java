package app.colophon.reliability;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The command line of the application ({@code app.colophon.Main}, the production class path only: no
 * {@code logback-test.xml}) run in a child process, optionally inside a private mount namespace where a shell script
 * first mounts what the test needs — a tiny tmpfs that fills up, a read-only bind mount — without touching the machine
 * (the mounts vanish with the process). Namespaces come from {@code unshare --user --map-root-user --mount} (any user,
 * where the kernel allows user namespaces), else {@code unshare --mount} (root); when neither works the test fails
 * with a message: a test about a full disk must not pass without having filled one.
 */
final class Sandbox {

    record Run(int exitCode, String stdout, String stderr) {
    }

    private Sandbox() {
    }

    /** {@code java … app.colophon.Main <args>} as a shell command line (arguments quoted). */
    static String colophon(String... args) {
        return colophonWithHeap("256m", args);
    }

    /** {@link #colophon} in a heap of {@code maxHeap} ({@code -Xmx}). */
    static String colophonWithHeap(String maxHeap, String... args) {
        List<String> cmd = new ArrayList<>(List.of(ChildJvm.java().toString(), "-Xmx" + maxHeap, "-cp", productionClassPath(),
                "app.colophon.Main"));
        cmd.addAll(Arrays.asList(args));
        return cmd.stream().map(Sandbox::quote).collect(Collectors.joining(" "));
    }

    /** Runs {@code script} with sh in a new mount namespace (as root inside it), capturing stdout and stderr. */
    static Run inNamespace(String script) {
        List<String> unshare = namespaceCommand();
        List<String> cmd = new ArrayList<>(unshare);
        cmd.addAll(List.of("sh", "-c", script));
        return run(cmd);
    }

    /**
     * Starts {@code script} in a new mount namespace and returns at once (stdout is the process's, for the caller to
     * read; stderr goes to {@code stderr}); for a server the test talks to while it runs.
     */
    static Process startInNamespace(String script, Path stderr) {
        List<String> cmd = new ArrayList<>(namespaceCommand());
        cmd.addAll(List.of("sh", "-c", script));
        try {
            return new ProcessBuilder(cmd).redirectError(stderr.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code script} with sh as is. */
    static Run shell(String script) {
        return run(List.of("sh", "-c", script));
    }

    private static synchronized List<String> namespaceCommand() {
        Path mountPoint;
        try {
            mountPoint = Files.createTempDirectory("colophon-probe");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (List<String> candidate : List.of(List.of("unshare", "--user", "--map-root-user", "--mount"),
                List.of("unshare", "--mount"))) {
            List<String> probe = new ArrayList<>(candidate);
            probe.addAll(List.of("sh", "-c", "mount -t tmpfs -o size=64k tmpfs " + quote(mountPoint.toString())));
            if (run(probe).exitCode() == 0) {
                mountPoint.toFile().delete();
                return candidate;
            }
        }
        mountPoint.toFile().delete();
        throw new AssertionError("Cannot make a private mount namespace (unshare --user --map-root-user --mount, or "
                + "unshare --mount as root): the full-disk and read-only cases need one for a tiny tmpfs and a "
                + "read-only bind mount. Enable user namespaces (sysctl kernel.unprivileged_userns_clone=1) or run as root.");
    }

    private static Run run(List<String> command) {
        try {
            Path out = Files.createTempFile("colophon-sandbox", ".out");
            Path err = Files.createTempFile("colophon-sandbox", ".err");
            try {
                Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                p.getOutputStream().close();
                if (!p.waitFor(300, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor();
                    throw new AssertionError("child did not finish in 300 s (a hang): " + command);
                }
                return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Ours without the test classes, so the application configures its own log as it does when installed. */
    private static String productionClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.replace('\\', '/').contains("/test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
