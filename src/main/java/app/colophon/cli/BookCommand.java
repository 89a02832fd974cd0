package app.colophon.cli;

import app.colophon.json.JsonView;
import app.colophon.library.Colophon;
import app.colophon.library.FieldText;
import app.colophon.library.NotFoundException;
import app.colophon.model.BookFile;
import app.colophon.model.BookWithFiles;
import app.colophon.model.Field;
import app.colophon.model.FieldValues;
import app.colophon.model.FileField;
import app.colophon.model.Sourced;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "book", mixinStandardHelpOptions = true, description = "Shows one book with every field, each field's source, and its files.")
final class BookCommand extends Session.Top implements Callable<Integer> {

    @Parameters(paramLabel = "<id>", description = "Book id (see: colophon books)")
    long id;

    @Option(names = "--json", description = "Print JSON")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Colophon app = open()) {
            BookWithFiles book = app.libraries().book(id).orElseThrow(() -> new NotFoundException("No book with id " + id));
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(JsonView.write(JsonView.book(book)));
            } else {
                printText(book, out);
            }
            return Cli.OK;
        }
    }

    static void printText(BookWithFiles book, PrintWriter out) {
        out.printf("Book %d%n", book.book().id());
        printFields(book.book().fields(), "  ", out);
        for (BookFile file : book.files()) {
            out.printf("  File %d: %s (%s, %d bytes)%n", file.id(), Escaped.of(file.path()), file.format().jsonName(), file.sizeBytes());
            printFields(file.fields(), "    ", out);
            if (file.pageCount() != null) {
                out.printf("    pages: %d%n", file.pageCount());
            }
            if (file.durationSeconds() != null) {
                out.printf("    duration: %.0f s%n", file.durationSeconds());
            }
            if (file.error() != null) {
                out.printf("    error: %s%n", Escaped.of(file.error()));
            }
        }
    }

    private static <F extends Field<?>> void printFields(FieldValues<F> fields, String indent, PrintWriter out) {
        for (F field : fields.fields()) {
            if (field == FileField.COVER) {
                continue;
            }
            Sourced<?> v = fields.get((Field<?>) field);
            if (v.source() == null) {
                continue;
            }
            String text = FieldText.format(field, v.value());
            out.printf("%s%s: %s [%s]%n", indent, field.jsonName(), text.isEmpty() ? "(empty)" : Escaped.of(text), v.source().jsonName());
        }
    }
}
