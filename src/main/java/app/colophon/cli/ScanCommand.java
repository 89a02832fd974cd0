package app.colophon.cli;

import app.colophon.library.Colophon;
import app.colophon.library.ScanReport;
import app.colophon.model.Library;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Scans the default library. A library folder that is not available (unmounted) is left as it is and named on
 * stderr, and the command exits with 5 after scanning the others; files gone from disk are marked missing.
 */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Adds the folders to the default library if new, scans it and prints a summary.")
final class ScanCommand extends Session.Top implements Callable<Integer> {

    @Parameters(paramLabel = "<folder>", arity = "0..*", description = "Folders to add (none: rescan the library)")
    List<Path> folders = List.of();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                throw new Cli.UsageException("not a folder: " + folder);
            }
        }
        try (Colophon app = open()) {
            Library library = app.libraries().defaultLibrary();
            if (!folders.isEmpty()) {
                library = app.libraries().addRoots(library.id(), folders);
            }
            if (library.roots().isEmpty()) {
                throw new Cli.UsageException("the library has no folders yet: colophon scan <folder>");
            }
            ScanReport report = app.libraries().scan(library.id(), p -> { }, () -> false);
            print(report, spec.commandLine().getOut());
            report.unavailableRoots().forEach(r -> spec.commandLine().getErr().println("colophon: " + Escaped.of(r.message())));
            return report.unavailableRoots().isEmpty() ? Cli.OK : Cli.UNAVAILABLE;
        }
    }

    private static void print(ScanReport r, PrintWriter out) {
        out.printf(Locale.ROOT, "Books added: %d, updated: %d, missing: %d%n", r.booksAdded(), r.booksUpdated(), r.booksMissing());
        out.printf(Locale.ROOT, "Files read: %d, unchanged: %d, moved: %d, missing: %d, failed: %d%n", r.filesRead(),
                r.filesUnchanged(), r.filesMoved(), r.filesMissing(), r.filesFailed());
        for (ScanReport.FileError e : r.errors()) {
            out.printf("  %s: %s%n", Escaped.of(e.path()), Escaped.of(e.message()));
        }
        if (r.filesMissing() > 0) {
            out.println("Missing files keep their books and edits; see them with: colophon missing");
        }
        out.printf(Locale.ROOT, "Seconds: %.2f%n", r.elapsed().toMillis() / 1000.0);
    }
}
