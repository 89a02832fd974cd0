package app.colophon.cli;

import app.colophon.json.JsonView;
import app.colophon.library.Colophon;
import app.colophon.library.Facet;
import app.colophon.library.Facets;
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
 * {@code colophon facets [--json]}: the window's browser as lists — authors, series, genres, tags, formats,
 * languages — each value with its number of books, and the problems when there are any.
 */
@Command(name = "facets", mixinStandardHelpOptions = true,
        description = "Lists the authors, series, genres, tags, formats and languages of the default library with "
                + "their numbers of books (the window's browser); 'books --search' with an entry's query lists them.")
final class FacetsCommand extends Session.Top implements Callable<Integer> {

    @Option(names = "--json", description = "Print JSON: {\"authors\": [{\"name\": …, \"count\": …}], \"series\": […], …}")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Colophon app = open()) {
            Facets facets = app.libraries().facets(app.libraries().defaultLibrary().id());
            PrintWriter out = spec.commandLine().getOut();
            Map<String, List<Facet>> lists = new LinkedHashMap<>();
            lists.put("authors", facets.authors());
            lists.put("series", facets.series());
            lists.put("genres", facets.genres());
            lists.put("tags", facets.tags());
            lists.put("formats", facets.formats());
            lists.put("languages", facets.languages());
            if (json) {
                Map<String, Object> body = new LinkedHashMap<>();
                lists.forEach((name, list) -> body.put(name, list.stream().map(FacetsCommand::json).toList()));
                out.println(JsonView.write(body));
                return Cli.OK;
            }
            lists.put("problems", facets.problems());
            lists.forEach((name, list) -> {
                out.printf("%s (%d)%n", Character.toUpperCase(name.charAt(0)) + name.substring(1), list.size());
                list.forEach(f -> out.printf("  %s\t%d%n", Escaped.of(f.name()), f.count()));
            });
            return Cli.OK;
        }
    }

    private static Map<String, Object> json(Facet facet) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", facet.name());
        out.put("count", facet.count());
        return out;
    }
}
