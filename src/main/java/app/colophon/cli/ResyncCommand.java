package app.colophon.cli;

import app.colophon.json.JsonView;
import app.colophon.library.Colophon;
import app.colophon.library.ResyncMode;
import app.colophon.library.ResyncResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "resync", mixinStandardHelpOptions = true, description = "Rescans one book or file from disk.",
        subcommands = {ResyncCommand.Book.class, ResyncCommand.File.class})
final class ResyncCommand {

    @ParentCommand
    Cli cli;

    abstract static class Target extends Session implements Callable<Integer> {
        @ParentCommand
        ResyncCommand resync;

        @Parameters(paramLabel = "<id>")
        long id;

        @Option(names = "--refresh", description = "Refresh all metadata: every value the files have wins, manual edits included")
        boolean refresh;

        @Option(names = "--reset", description = "Reset to file metadata: clear every value, manual edits and clears "
                + "included, and read the files and paths afresh (values the files lack become empty)")
        boolean reset;

        @Option(names = "--json", description = "Print JSON")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        Cli root() {
            return resync.cli;
        }

        @Override
        public Integer call() {
            if (refresh && reset) {
                throw new Cli.UsageException("--refresh and --reset cannot be used together");
            }
            try (Colophon app = open()) {
                ResyncMode mode = reset ? ResyncMode.RESET : refresh ? ResyncMode.REFRESH : ResyncMode.SCAN;
                ResyncResult result = run(app, mode);
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    out.println(JsonView.write(JsonView.resync(result)));
                } else if (result instanceof ResyncResult.Removed removed) {
                    out.println(removed.message());
                } else {
                    ResyncResult.Updated updated = (ResyncResult.Updated) result;
                    out.println(mode.doneMessage());
                    updated.removedFiles().forEach(p -> out.println(ResyncResult.Removed.FILE_REMOVED + ": " + Escaped.of(p)));
                    updated.failures().forEach(f -> out.println("Not read: " + Escaped.of(f)));
                    BookCommand.printText(updated.book(), out);
                }
                return Cli.OK;
            }
        }

        abstract ResyncResult run(Colophon app, ResyncMode mode);
    }

    @Command(name = "book", mixinStandardHelpOptions = true, description = "Rescans every file of a book.")
    static final class Book extends Target {
        @Override
        ResyncResult run(Colophon app, ResyncMode mode) {
            return app.resync().resyncBook(id, mode);
        }
    }

    @Command(name = "file", mixinStandardHelpOptions = true, description = "Rescans one file.")
    static final class File extends Target {
        @Override
        ResyncResult run(Colophon app, ResyncMode mode) {
            return app.resync().resyncFile(id, mode);
        }
    }
}
