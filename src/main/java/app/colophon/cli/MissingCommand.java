package app.colophon.cli;

import app.colophon.json.JsonView;
import app.colophon.library.Colophon;
import app.colophon.library.MissingFile;
import app.colophon.library.Removal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code colophon missing [--json] [--remove]}: the files a scan found gone from disk. They keep their books and
 * every value until removed here (or in the window), so a file that comes back, or turns up moved, is found again.
 */
@Command(name = "missing", mixinStandardHelpOptions = true,
        description = "Lists the files gone from disk (kept with their books and edits); --remove forgets them.")
final class MissingCommand extends Session.Top implements Callable<Integer> {

    @Option(names = "--remove", description = "Remove the records of the missing files, and books left without files "
            + "(files on disk are never touched)")
    boolean remove;

    @Option(names = "--json", description = "Print JSON")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Colophon app = open()) {
            PrintWriter out = spec.commandLine().getOut();
            if (remove) {
                Removal removal = app.libraries().removeMissing(null);
                if (json) {
                    out.println(JsonView.write(Map.of("filesRemoved", removal.files(), "booksRemoved", removal.books())));
                } else {
                    out.printf("Removed %d missing %s and %d %s left without files%n", removal.files(),
                            removal.files() == 1 ? "file" : "files", removal.books(), removal.books() == 1 ? "book" : "books");
                }
                return Cli.OK;
            }
            List<MissingFile> missing = app.libraries().missing(null);
            if (json) {
                out.println(JsonView.write(missing.stream().map(MissingCommand::json).toList()));
            } else if (missing.isEmpty()) {
                out.println("No missing files");
            } else {
                for (MissingFile m : missing) {
                    out.printf("%d\t%d\t%s\t%s\tmissing since %s%n", m.file().id(), m.file().bookId(),
                            BooksCommand.nullToEmpty(m.bookTitle()), Escaped.of(m.file().path()), m.file().missingSince());
                }
            }
            return Cli.OK;
        }
    }

    private static Map<String, Object> json(MissingFile m) {
        Map<String, Object> out = new LinkedHashMap<>(JsonView.file(m.file()));
        out.put("bookTitle", m.bookTitle());
        out.put("missingSince", String.valueOf(m.file().missingSince()));
        return out;
    }
}
