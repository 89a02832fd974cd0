package app.colophon.cli;

import app.colophon.json.JsonView;
import app.colophon.library.Colophon;
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
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "books", mixinStandardHelpOptions = true, description = "Lists the books of the default library: id, title, authors, series.")
final class BooksCommand extends Session.Top implements Callable<Integer> {

    @Option(names = "--json", description = "Print JSON")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Colophon app = open()) {
            long library = app.libraries().defaultLibrary().id();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                // streamed: 100,000 books are printed as they are read, never held as one string
                JsonView.writeSummaries(out, each -> app.libraries().forEachSummary(library, each));
                out.println();
            } else {
                app.libraries().forEachSummary(library, b -> out.printf("%d\t%s\t%s\t%s%n", b.id(),
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
