package app.colophon.cli;

import app.colophon.library.Colophon;
import app.colophon.library.FieldText;
import app.colophon.model.BookField;
import app.colophon.model.BookWithFiles;
import app.colophon.model.Edits;
import app.colophon.model.Field;
import app.colophon.model.FileField;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code edit book <id> --title … --authors "A; B"} and {@code edit file <id> --publisher …}: sets fields as
 * the editor does (source manual). The options are generated from the field names, so they always match JSON.
 * {@code edit books <id>…} edits tags, genres and series of many books at once ({@link EditBooksCommand}).
 */
@Command(name = "edit", mixinStandardHelpOptions = true, description = "Sets fields as the user would in the editor (source: manual); \"\" clears a field.",
        subcommands = {EditCommand.Book.class, EditCommand.File.class, EditBooksCommand.class})
final class EditCommand {

    @ParentCommand
    Cli cli;

    /** Adds one {@code --<jsonName>} option per field to the two subcommands. */
    static void addFieldOptions(CommandLine root) {
        CommandLine edit = root.getSubcommands().get("edit");
        for (BookField<?> f : BookField.values()) {
            edit.getSubcommands().get("book").getCommandSpec().addOption(option(f));
        }
        for (FileField<?> f : FileField.editable()) {
            edit.getSubcommands().get("file").getCommandSpec().addOption(option(f));
        }
    }

    private static OptionSpec option(Field<?> f) {
        String help = f.isRelationship() ? "Values separated by ';'" : "New value";
        return OptionSpec.builder("--" + f.jsonName()).paramLabel("<value>").type(String.class).description(help).build();
    }

    private static <F extends Field<?>> Edits<F> changes(CommandSpec spec, Edits<F> changes, List<F> fields) {
        for (Field<?> field : fields) {
            OptionSpec option = spec.findOption("--" + field.jsonName());
            if (option != null && spec.commandLine().getParseResult().hasMatchedOption(option)) {
                parse(changes, field, option.getValue());
            }
        }
        if (changes.isEmpty()) {
            throw new Cli.UsageException("nothing to edit: give at least one --<field> <value>");
        }
        return changes;
    }

    private static <T> void parse(Edits<?> changes, Field<T> field, String text) {
        changes.set(field, FieldText.parse(field, text));
    }

    abstract static class Target extends Session implements Callable<Integer> {
        @ParentCommand
        EditCommand edit;

        @Parameters(paramLabel = "<id>")
        long id;

        @Spec
        CommandSpec spec;

        @Override
        Cli root() {
            return edit.cli;
        }

        @Override
        public Integer call() {
            try (Colophon app = open()) {
                BookWithFiles result = apply(app);
                BookCommand.printText(result, spec.commandLine().getOut());
                return Cli.OK;
            }
        }

        abstract BookWithFiles apply(Colophon app);
    }

    @Command(name = "book", mixinStandardHelpOptions = true, description = "Edits a book's fields.")
    static final class Book extends Target {
        @Override
        BookWithFiles apply(Colophon app) {
            return app.editor().editBook(id, changes(spec, Edits.ofBook(), BookField.values()));
        }
    }

    @Command(name = "file", mixinStandardHelpOptions = true, description = "Edits a file's fields.")
    static final class File extends Target {
        @Override
        BookWithFiles apply(Colophon app) {
            return app.editor().editFile(id, changes(spec, Edits.ofFile(), FileField.editable()));
        }
    }
}
