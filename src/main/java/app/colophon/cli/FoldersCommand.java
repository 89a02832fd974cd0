package app.colophon.cli;

import app.colophon.json.JsonView;
import app.colophon.library.Colophon;
import app.colophon.library.LibraryFolder;
import app.colophon.library.Removal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code colophon folders [--json]} lists the library folders; {@code folders remove <path>} forgets one. */
@Command(name = "folders", mixinStandardHelpOptions = true,
        description = "Lists each library folder with its library and book count.",
        subcommands = {FoldersCommand.Remove.class})
final class FoldersCommand extends Session.Top implements Callable<Integer> {

    @Option(names = "--json", description = "Print JSON")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Colophon app = open()) {
            PrintWriter out = spec.commandLine().getOut();
            var folders = app.libraries().folders();
            if (json) {
                out.println(JsonView.write(folders.stream().map(FoldersCommand::json).toList()));
            } else if (folders.isEmpty()) {
                out.println("No library folders yet: colophon scan <folder>");
            } else {
                for (LibraryFolder f : folders) {
                    out.printf("%s\t%s\t%d %s%n", Escaped.of(f.path()), Escaped.of(f.library().name()), f.books(), f.books() == 1 ? "book" : "books");
                }
            }
            return Cli.OK;
        }
    }

    private static Map<String, Object> json(LibraryFolder f) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("path", f.path().toString());
        out.put("libraryId", f.library().id());
        out.put("library", f.library().name());
        out.put("books", f.books());
        return out;
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Forgets a library folder and the records of the books under it (files are never touched).")
    static final class Remove extends Session implements Callable<Integer> {
        @ParentCommand
        FoldersCommand folders;

        @Parameters(paramLabel = "<path>", description = "The folder, as `colophon folders` lists it")
        Path path;

        @Option(names = "--json", description = "Print JSON")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        Cli root() {
            return folders.cli;
        }

        @Override
        public Integer call() {
            try (Colophon app = open()) {
                Removal removal = app.libraries().removeFolder(path);
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    out.println(JsonView.write(Map.of("filesRemoved", removal.files(), "booksRemoved", removal.books())));
                } else {
                    out.printf("Removed the folder %s: %d %s and %d %s forgotten (files on disk untouched)%n",
                            Escaped.of(path.toAbsolutePath().normalize()), removal.books(), removal.books() == 1 ? "book" : "books",
                            removal.files(), removal.files() == 1 ? "file" : "files");
                }
                return Cli.OK;
            }
        }
    }
}
