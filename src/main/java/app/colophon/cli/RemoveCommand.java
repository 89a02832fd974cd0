package app.colophon.cli;

import app.colophon.json.JsonView;
import app.colophon.library.Colophon;
import app.colophon.library.NotFoundException;
import app.colophon.library.Removal;
import app.colophon.model.BookFile;
import app.colophon.model.BookWithFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code colophon remove book <id>…}: removes books from the library — their records only, the files stay on disk —
 * and excludes their files from later scans ({@code colophon excluded} lists them and restores one).
 */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Removes books from the library (records only: files on disk are never touched).",
        subcommands = {RemoveCommand.Book.class})
final class RemoveCommand {

    @ParentCommand
    Cli cli;

    @Command(name = "book", mixinStandardHelpOptions = true, description = "Removes books and excludes their files "
            + "from later scans (see: colophon excluded); an unknown id removes nothing.")
    static final class Book extends Session implements Callable<Integer> {
        @ParentCommand
        RemoveCommand remove;

        @Parameters(paramLabel = "<id>", arity = "1..*", description = "Book ids (see: colophon books)")
        List<Long> ids;

        @Option(names = "--json", description = "Print JSON")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        Cli root() {
            return remove.cli;
        }

        @Override
        public Integer call() {
            try (Colophon app = open()) {
                List<BookWithFiles> books = new ArrayList<>();
                for (long id : new LinkedHashSet<>(ids)) {
                    books.add(app.libraries().book(id).orElseThrow(() -> new NotFoundException("No book with id " + id)));
                }
                Removal removal = app.libraries().removeBooks(ids);
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    Map<String, Object> result = new LinkedHashMap<>();
                    result.put("booksRemoved", removal.books());
                    result.put("filesRemoved", removal.files());
                    result.put("books", books.stream().map(Book::json).toList());
                    out.println(JsonView.write(result));
                    return Cli.OK;
                }
                for (BookWithFiles b : books) {
                    out.printf("Removed book %d: %s%n", b.book().id(), BooksCommand.nullToEmpty(b.book().title()));
                    for (BookFile f : b.files()) {
                        out.printf("  excluded from scans: %s%n", Escaped.of(f.path()));
                    }
                }
                out.printf("Removed %d %s and %d %s from the library (files on disk untouched)%n", removal.books(),
                        removal.books() == 1 ? "book" : "books", removal.files(), removal.files() == 1 ? "file" : "files");
                return Cli.OK;
            }
        }

        private static Map<String, Object> json(BookWithFiles b) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", b.book().id());
            out.put("title", b.book().title());
            out.put("excluded", b.files().stream().map(f -> f.path().toString()).toList());
            return out;
        }
    }
}
