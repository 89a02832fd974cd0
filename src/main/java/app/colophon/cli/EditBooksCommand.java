package app.colophon.cli;

import app.colophon.json.JsonView;
import app.colophon.library.Colophon;
import app.colophon.library.FieldText;
import app.colophon.library.ListEdit;
import app.colophon.model.BookField;
import app.colophon.model.BookWithFiles;
import app.colophon.model.Sourced;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code edit books <id>… --add-tag X --remove-tag Y --set-tags "a; b" …}: tags, genres and series of many books at
 * once, in one transaction (source manual). Values are typed as {@code edit book} takes them: several separated by
 * ';', a series number after '#'. For each field a set comes first, then removals, then additions.
 */
@Command(name = "books", mixinStandardHelpOptions = true,
        description = "Adds, removes or sets tags, genres and series of many books at once (source: manual); "
                + "one bad value or unknown id changes no book.")
final class EditBooksCommand extends Session implements Callable<Integer> {

    @ParentCommand
    EditCommand edit;

    @Parameters(paramLabel = "<id>", arity = "1..*", description = "Book ids (see: colophon books)")
    List<Long> ids;

    @Option(names = "--add-tag", paramLabel = "<tag>", description = "Add a tag (several: 'a; b'); repeatable")
    List<String> addTags = List.of();

    @Option(names = "--remove-tag", paramLabel = "<tag>", description = "Remove a tag, whatever its case; repeatable")
    List<String> removeTags = List.of();

    @Option(names = "--set-tags", paramLabel = "<tags>", description = "Replace the tags: 'a; b' (\"\" clears them)")
    String setTags;

    @Option(names = "--add-genre", paramLabel = "<genre>", description = "Add a genre (several: 'a; b'); repeatable")
    List<String> addGenres = List.of();

    @Option(names = "--remove-genre", paramLabel = "<genre>", description = "Remove a genre, whatever its case; repeatable")
    List<String> removeGenres = List.of();

    @Option(names = "--set-genres", paramLabel = "<genres>", description = "Replace the genres: 'a; b' (\"\" clears them)")
    String setGenres;

    @Option(names = "--add-series", paramLabel = "<series>",
            description = "Put the books in a series: 'Name' or 'Name #3' (a series they are in takes the number); repeatable")
    List<String> addSeries = List.of();

    @Option(names = "--remove-series", paramLabel = "<name>", description = "Take the books out of a series, by name; repeatable")
    List<String> removeSeries = List.of();

    @Option(names = "--set-series", paramLabel = "<series>", description = "Replace the series: 'A #1; B' (\"\" clears them)")
    String setSeries;

    @Option(names = "--json", description = "Print the edited books as JSON")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    Cli root() {
        return edit.cli;
    }

    @Override
    public Integer call() {
        List<ListEdit> edits = new ArrayList<>();
        edits(edits, BookField.TAGS, setTags, removeTags, addTags);
        edits(edits, BookField.GENRES, setGenres, removeGenres, addGenres);
        edits(edits, BookField.SERIES, setSeries, removeSeries, addSeries);
        if (edits.isEmpty()) {
            throw new Cli.UsageException("nothing to edit: give at least one --add-…, --remove-… or --set-… option");
        }
        try (Colophon app = open()) {
            List<BookWithFiles> books = app.editor().editMany(ids, edits);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(JsonView.write(books.stream().map(JsonView::book).toList()));
                return Cli.OK;
            }
            Set<BookField<?>> fields = new LinkedHashSet<>();
            edits.forEach(e -> fields.add(e.field()));
            for (BookWithFiles b : books) {
                out.printf("Book %d: %s%n", b.book().id(), BooksCommand.nullToEmpty(b.book().title()));
                for (BookField<?> field : fields) {
                    Sourced<?> value = b.book().fields().get(field);
                    String text = FieldText.format(field, value.value());
                    out.printf("  %s: %s [%s]%n", field.jsonName(), text.isEmpty() ? "(empty)" : Escaped.of(text),
                            value.source() == null ? "none" : value.source().jsonName());
                }
            }
            out.printf("Edited %d %s%n", books.size(), books.size() == 1 ? "book" : "books");
            return Cli.OK;
        }
    }

    /** The field's set, then its removals, then its additions. */
    private static void edits(List<ListEdit> edits, BookField<?> field, String set, List<String> remove, List<String> add) {
        if (set != null) {
            edits.add(ListEdit.set(field, parse(field, set)));
        }
        for (String text : remove) {
            edits.add(ListEdit.remove(field, parse(field, text)));
        }
        for (String text : add) {
            edits.add(ListEdit.add(field, parse(field, text)));
        }
    }

    private static List<?> parse(BookField<?> field, String text) {
        return (List<?>) FieldText.parse(field, text);
    }
}
