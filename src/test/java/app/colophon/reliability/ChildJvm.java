package app.colophon.reliability;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Starts a JVM on the test class path running a test main class ({@link ScanChild}): to kill a scan with SIGKILL,
 * to give it a small fixed heap, or to run it as an unprivileged user (root ignores {@code chmod 000}).
 */
final class ChildJvm {

    /** The user the unprivileged child runs as (Debian's {@code nobody}). */
    static final int NOBODY = 65534;

    private static Path worldReadableClassPath;

    private ChildJvm() {
    }

    static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** The command line of a child JVM with the given JVM options, running {@code main} with {@code args}. */
    static List<String> command(List<String> jvmOptions, Class<?> main, List<String> args) {
        return command(System.getProperty("java.class.path"), jvmOptions, main, args);
    }

    private static List<String> command(String classPath, List<String> jvmOptions, Class<?> main, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java().toString());
        // As the installed launcher: C1 only, so that these short-lived JVMs spend their CPU on the work, not on C2
        cmd.add("-XX:TieredStopAtLevel=1");
        // The children run in small heaps (128-256 MB). JDK 17 gives up an allocation after two retries while other
        // threads hold the GC locker (zip inflation runs in JNI critical regions) and reports OutOfMemoryError
        // with the heap far from full (JDK-8192647, fixed in JDK 22): about one run in five of the 128 MB scan
        // died so. Retrying longer keeps that JVM flaw out of the tests; a zip bomb still exhausts the heap.
        cmd.add("-XX:+UnlockDiagnosticVMOptions");
        cmd.add("-XX:GCLockerRetryAllocationCount=100");
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(main.getName());
        cmd.addAll(args);
        return cmd;
    }

    /** Runs to completion (or fails the test after {@code timeoutSeconds}); returns exit code and output. */
    static Result run(List<String> command, long timeoutSeconds) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            StringBuilder out = new StringBuilder();
            Thread pump = pump(p, out::append);
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                pump.join(5_000);
                throw new AssertionError("child JVM did not finish in " + timeoutSeconds + " s (a hang):\n" + out);
            }
            pump.join(5_000);
            return new Result(p.exitValue(), out.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Copies the child's output, line by line, to {@code sink} on a daemon thread. */
    static Thread pump(Process p, java.util.function.Consumer<String> sink) {
        Thread t = new Thread(() -> {
            try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    synchronized (sink) {
                        sink.accept(line + "\n");
                    }
                }
            } catch (IOException e) {
                // the child was killed: its output simply ends
            }
        }, "child-output");
        t.setDaemon(true);
        t.start();
        return t;
    }

    record Result(int exitCode, String output) {
        List<String> lines(String prefix) {
            return output.lines().filter(l -> l.startsWith(prefix)).toList();
        }
    }

    // ------------------------------------------------------------------ running as an unprivileged user

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name")) || uid() == 0;
    }

    static int uid() {
        try {
            Process p = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            return Integer.parseInt(out);
        } catch (IOException | NumberFormatException e) {
            throw new AssertionError("cannot tell who runs the tests (id -u): " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * The command line of a child JVM run as {@link #NOBODY} through {@code setpriv}, or {@code runuser} where
     * setpriv is missing. Its class path is a world-readable copy of ours (the build's may sit under a private home
     * folder). Fails the test with a clear message when neither tool can drop privileges: a test about unreadable
     * files must not pass without having made any.
     */
    static List<String> unprivilegedCommand(List<String> jvmOptions, Class<?> main, List<String> args) {
        List<String> child = command(worldReadableClassPath(), jvmOptions, main, args);
        List<String> cmd = new ArrayList<>();
        if (works("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--", "true")) {
            cmd.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
        } else if (works("runuser", "-u", "nobody", "--", "true")) {
            cmd.addAll(List.of("runuser", "-u", "nobody", "--"));
        } else {
            throw new AssertionError("Running as root, and neither setpriv nor runuser can drop to user "
                    + NOBODY + ": cannot test unreadable files honestly (root reads chmod 000 files). "
                    + "Install util-linux or run the tests as a normal user.");
        }
        cmd.addAll(child);
        return cmd;
    }

    private static boolean works(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static synchronized String worldReadableClassPath() {
        try {
            if (worldReadableClassPath == null) {
                Path dir = Files.createTempDirectory("colophon-classpath");
                worldReadableClassPath = dir;
                int i = 0;
                for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                    Path source = Path.of(entry);
                    if (Files.exists(source)) {
                        copy(source, dir.resolve(i++ + "-" + source.getFileName()));
                    }
                }
                openUp(dir);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
            }
            List<String> entries = new ArrayList<>();
            try (var list = Files.list(worldReadableClassPath)) {
                list.sorted((a, b) -> Integer.compare(index(a), index(b))).forEach(p -> entries.add(p.toString()));
            }
            return String.join(File.pathSeparator, entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int index(Path p) {
        String n = p.getFileName().toString();
        return Integer.parseInt(n.substring(0, n.indexOf('-')));
    }

    private static void copy(Path source, Path target) throws IOException {
        if (Files.isDirectory(source)) {
            Files.walkFileTree(source, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) throws IOException {
                    Files.createDirectories(target.resolve(source.relativize(d).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                    Files.copy(f, target.resolve(source.relativize(f).toString()), StandardCopyOption.REPLACE_EXISTING);
                    return FileVisitResult.CONTINUE;
                }
            });
        } else {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes a folder tree readable (and its folders enterable) by everyone. */
    static void openUp(Path root) throws IOException {
        Set<PosixFilePermission> dirs = PosixFilePermissions.fromString("rwxr-xr-x");
        Set<PosixFilePermission> files = PosixFilePermissions.fromString("rw-r--r--");
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) throws IOException {
                Files.setPosixFilePermissions(d, dirs);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                Files.setPosixFilePermissions(f, files);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static void deleteQuietly(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                    Files.deleteIfExists(f);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // a temp folder left behind is not worth failing a test for
        }
    }
}
