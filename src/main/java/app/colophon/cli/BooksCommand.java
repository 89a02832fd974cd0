package app.colophon.cli;

import app.colophon.json.JsonView;
import app.colophon.library.Colophon;
import app.colophon.model.BookSummary;
import app.colophon.model.Contributor;
import app.colophon.model.SeriesEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;

@Command(name = "books", mixinStandardHelpOptions = true, description = {
        "Lists the books of the default library: id, title, authors, series.",
        "--search takes the window's search: words, \"phrases\", author: series: tag: genre: format: lang: "
                + "publisher: (field:\"=Whole Value\" for the whole value), source:manual, has:error, has:missing; "
                + "-term excludes."})
final class BooksCommand extends Session.Top implements Callable<Integer> {

    @Option(names = "--json", description = "Print JSON")
    boolean json;

    @Option(names = "--search", paramLabel = "<query>", description = "Only the books that match the query, "
            + "e.g. 'author:tolkien -series:\"=The Lord of the Rings\"'")
    String search;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Colophon app = open()) {
            long library = app.libraries().defaultLibrary().id();
            PrintWriter out = spec.commandLine().getOut();
            // a malformed query fails here, before anything is printed
            Set<Long> found = search == null ? null : app.libraries().search(library, search);
            Consumer<Consumer<BookSummary>> books = each -> app.libraries().forEachSummary(library,
                    b -> {
                        if (found == null || found.contains(b.id())) {
                            each.accept(b);
                        }
                    });
            if (json) {
                // streamed: 100,000 books are printed as they are read, never held as one string
                JsonView.writeSummaries(out, books);
                out.println();
            } else {
                books.accept(b -> out.printf("%d\t%s\t%s\t%s%n", b.id(),
                        nullToEmpty(b.title()), authors(b.authors()), series(b.series())));
            }
            out.flush();
            return Cli.OK;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String authors(List<Contributor> authors) {
        return Escaped.of(authors.stream().map(Contributor::name).collect(Collectors.joining("; ")));
    }

    static String series(List<SeriesEntry> series) {
        return Escaped.of(series.stream().map(SeriesEntry::display).collect(Collectors.joining("; ")));
    }

    /** A value for one tab-separated column: escaped, so a tab or a line break in it cannot shift the columns. */
    static String nullToEmpty(String s) {
        return Escaped.of(s);
    }
}
