package app.colophon.reliability;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unreadable files and folders ({@code chmod 000}). Root reads them anyway, so when the tests run as root (as CI
 * does) the scans run in a child JVM as user {@code nobody}; as any other user they run as that user. Either way the
 * files really are unreadable to the scan — the test fails rather than pass without having shown it.
 */
class UnreadableEntriesTest {

    private Path base;
    private Path root;
    private Path data;

    @BeforeEach
    void worldAccessibleFolders() throws IOException {
        // not @TempDir: JUnit makes that private to us, and the unprivileged child must get in
        base = Files.createTempDirectory("colophon-unreadable");
        root = Files.createDirectories(base.resolve("books"));
        data = Files.createDirectories(base.resolve("data"));
    }

    @AfterEach
    void cleanUp() throws IOException {
        chmod(base, "rwx------");
        ChildJvm.deleteQuietly(base);
    }

    @Test
    void unreadableFilesAndFoldersGetAnErrorAreNeverDroppedAndComeBackWhenReadable() throws IOException {
        List<Path> good = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            good.add(SampleBooks.epub(root.resolve("good-" + i + ".epub"), "Good " + i, "A"));
        }
        Path locked = SampleBooks.epub(root.resolve("locked.epub"), "Locked", "A");
        Path lockedDir = Files.createDirectories(root.resolve("locked-folder"));
        SampleBooks.epub(lockedDir.resolve("inside.epub"), "Inside", "A");
        openUp();

        // 1. all readable: 7 books
        assertThat(report(scan())).containsEntry("books", 7).containsEntry("failed", 0);

        // 2. a known file changes and becomes unreadable, a new unreadable file appears, a folder is locked
        Files.setLastModifiedTime(locked, FileTime.from(Instant.now().plusSeconds(5)));
        Path lockedNew = SampleBooks.epub(root.resolve("locked-new.epub"), "Locked New", "A");
        chmod(locked, "---------");
        chmod(lockedNew, "---------");
        chmod(lockedDir, "---------");
        ChildJvm.Result locking = scan();
        Map<String, String> errors = errors(locking);
        assertThat(errors).containsOnlyKeys(locked.toString(), lockedNew.toString(), lockedDir.toString());
        assertThat(errors.get(locked.toString())).isEqualTo("Cannot read file: permission denied");
        assertThat(errors.get(lockedNew.toString())).isEqualTo("Cannot read file: permission denied");
        assertThat(errors.get(lockedDir.toString())).startsWith("Cannot read (permission denied)");
        // nothing dropped: the 7 books, plus the new unreadable file titled from its name
        assertThat(report(locking)).containsEntry("books", 8).containsEntry("missing", 0).containsEntry("missingFiles", 0);

        // 3. readable again: everything is read, no error remains, nothing was lost
        chmod(locked, "rw-r--r--");
        chmod(lockedNew, "rw-r--r--");
        chmod(lockedDir, "rwxr-xr-x");
        ChildJvm.Result back = scan();
        assertThat(errors(back)).isEmpty();
        assertThat(report(back)).containsEntry("books", 8).containsEntry("files", 8).containsEntry("missingFiles", 0);

        // 4. the whole library folder locked: it is reported unavailable, nothing under it changes
        chmod(root, "---------");
        ChildJvm.Result refused = scan();
        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.lines("UNAVAILABLE")).singleElement().asString()
                .contains(root.toString()).contains("cannot be read").contains("nothing was changed");
        chmod(root, "rwxr-xr-x");
        assertThat(report(scan())).containsEntry("books", 8).containsEntry("unchanged", 8).containsEntry("failed", 0);

        System.out.printf("RELIABILITY unreadable\tscans as %s\tchmod 000 file, new file, folder, root: survived%n",
                ChildJvm.isRoot() ? "nobody (setpriv/runuser)" : "the test user");
    }

    private ChildJvm.Result scan() {
        List<String> args = List.of(data.toString(), root.toString());
        List<String> cmd = ChildJvm.isRoot()
                ? ChildJvm.unprivilegedCommand(List.of("-Xmx256m"), ScanChild.class, args)
                : ChildJvm.command(List.of("-Xmx256m"), ScanChild.class, args);
        ChildJvm.Result r = ChildJvm.run(cmd, 120);
        assertThat(r.lines("STARTED")).as(r.output()).singleElement().asString().isNotEqualTo("STARTED user=root");
        return r;
    }

    private static Map<String, Integer> report(ChildJvm.Result r) {
        assertThat(r.exitCode()).as(r.output()).isZero();
        String line = r.lines("REPORT ").get(0);
        return java.util.Arrays.stream(line.substring("REPORT ".length()).split(" "))
                .map(kv -> kv.split("=", 2)).filter(kv -> kv[1].matches("\\d+"))
                .collect(Collectors.toMap(kv -> kv[0], kv -> Integer.parseInt(kv[1])));
    }

    private static Map<String, String> errors(ChildJvm.Result r) {
        return r.lines("ERROR\t").stream().map(l -> l.split("\t", 3))
                .collect(Collectors.toMap(p -> p[1], p -> p[2]));
    }

    private void openUp() throws IOException {
        ChildJvm.openUp(base);
        chmod(data, "rwxrwxrwx");
    }

    private static void chmod(Path p, String permissions) throws IOException {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(permissions));
    }
}
